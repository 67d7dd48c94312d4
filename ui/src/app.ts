// The window: header, toolbar, list, detail panel, form and toasts, and the state that ties
// them together. Every figure shown comes from a backend call; this file only arranges them.

import type { Credential, CredentialDraft, CredentialKind, Evidence, ListQuery, SortKey } from "./bindings";
import * as backend from "./backend";
import { debounce, h, icon, isEditable, replaceChildren } from "./dom";
import { renderDetail } from "./detail";
import { CredentialForm } from "./form";
import { KindLabels, plural } from "./format";
import { shortcut, withCtrlOrCmd } from "./keys";
import { renderList } from "./list";
import { Toaster, type ToastHandle } from "./toast";

const SORTS: readonly [SortKey, string][] = [
  ["recent", "Recent"],
  ["title", "Title"],
  ["kind", "Kind"],
  ["expires", "Expires"],
  ["added", "Added"],
];
const UNDO_MS = 8000;
const SEARCH_DELAY_MS = 150;

export class App {
  readonly root: HTMLElement;
  readonly toaster: Toaster;
  readonly query: ListQuery = { search: null, kind: null, skill: null, sort: "recent" };
  credentials: Credential[] = [];
  form: CredentialForm | null = null;
  private readonly labels: KindLabels;
  private loaded = false;
  private selected: Credential | null = null;
  private undoable: { id: number; title: string; toast: ToastHandle } | null = null;
  private listSeq = 0;
  private readonly search: HTMLInputElement;
  private readonly kindSelect: HTMLSelectElement;
  private readonly skillSelect: HTMLSelectElement;
  private readonly sortSelect: HTMLSelectElement;
  private readonly newBtn: HTMLButtonElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private readonly content: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly info: HTMLElement;
  private readonly searchSoon = debounce(() => void this.refresh(), SEARCH_DELAY_MS);

  constructor(root: HTMLElement, labels: KindLabels) {
    this.root = root;
    this.labels = labels;
    this.search = h("input", {
      type: "search",
      id: "search",
      "data-testid": "search",
      placeholder: "Search titles, issuers, notes, skills",
      "aria-label": "Search credentials",
      title: `Search (${shortcut("F")} or /)`,
      autocomplete: "off",
      spellcheck: "false",
    });
    this.search.addEventListener("input", () => {
      this.query.search = this.search.value.trim() || null;
      this.searchSoon();
    });
    this.kindSelect = h("select", { id: "filter-kind", "data-testid": "filter-kind" });
    this.kindSelect.addEventListener("change", () => {
      this.query.kind = (this.kindSelect.value || null) as CredentialKind | null;
      void this.refresh();
    });
    this.skillSelect = h("select", { id: "filter-skill", "data-testid": "filter-skill" });
    this.skillSelect.addEventListener("change", () => {
      this.query.skill = this.skillSelect.value || null;
      void this.refresh();
    });
    this.sortSelect = h("select", { id: "sort", "data-testid": "sort" }, SORTS.map(([k, l]) => h("option", { value: k }, l)));
    this.sortSelect.addEventListener("change", () => {
      this.query.sort = this.sortSelect.value as SortKey;
      void this.refresh();
    });
    this.newBtn = h(
      "button",
      { type: "button", class: "btn btn-primary", "data-testid": "new-credential", title: `New credential (${shortcut("N")})` },
      icon("plus"),
      "New credential",
    );
    this.newBtn.addEventListener("click", () => void this.newCredential());
    this.count = h("span", { class: "count-line", "data-testid": "count", "aria-live": "polite" });
    this.list = h("main", { class: "list", "data-testid": "credential-list", "aria-label": "Credentials", tabindex: -1 });
    this.detail = h("aside", { class: "detail", "data-testid": "detail", tabindex: -1 });
    this.content = h("div", { class: "content" }, this.list);
    this.info = h("span", { class: "info", "data-testid": "app-info" });
    this.toaster = new Toaster(document.body);
    this.fillKinds();

    replaceChildren(
      root,
      h(
        "header",
        { class: "topbar" },
        h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, "D"), h("h1", {}, "Dossier")),
        h("div", { class: "search-wrap" }, icon("search", "icon search-icon"), this.search, h("kbd", { class: "search-kbd", "aria-hidden": "true" }, "/")),
      ),
      h(
        "div",
        { class: "toolbar", role: "toolbar", "aria-label": "Filters" },
        h("label", { class: "tool" }, h("span", {}, "Kind"), this.kindSelect),
        h("label", { class: "tool" }, h("span", {}, "Skill"), this.skillSelect),
        h("label", { class: "tool" }, h("span", {}, "Sort"), this.sortSelect),
        this.count,
        h("span", { class: "spacer" }),
        this.newBtn,
      ),
      this.content,
      h(
        "footer",
        { class: "statusbar" },
        h(
          "span",
          { class: "hints" },
          `${shortcut("N")} new · / or ${shortcut("F")} search · ${shortcut("S")} save · Esc close · ${shortcut("Z")} undo delete · ↑↓ Enter browse`,
        ),
        this.info,
      ),
    );
    window.addEventListener("keydown", this.keyListener);
  }

  private readonly keyListener = (e: KeyboardEvent): void => this.onKey(e);

  /** Detaches the window-level listeners (the app lives as long as the window; tests need this). */
  dispose(): void {
    window.removeEventListener("keydown", this.keyListener);
    this.form?.close();
    this.undoable?.toast.dismiss();
  }

  private fillKinds(): void {
    replaceChildren(
      this.kindSelect,
      h("option", { value: "" }, "All kinds"),
      this.labels.options.map((o) => h("option", { value: o.kind }, o.label)),
    );
    this.kindSelect.value = this.query.kind ?? "";
  }

  private get filtered(): boolean {
    return this.query.search !== null || this.query.kind !== null || this.query.skill !== null;
  }

  /** Reloads the list for the current query; answers to superseded queries are dropped. */
  async refresh(): Promise<void> {
    const seq = ++this.listSeq;
    try {
      const rows = await backend.listCredentials({ ...this.query });
      if (seq !== this.listSeq) return;
      this.credentials = rows;
      this.loaded = true;
      this.renderList();
    } catch (err) {
      if (seq !== this.listSeq) return;
      if (this.loaded) this.report(err);
      else this.renderLoadError(err);
    }
  }

  // Without a first list there is nothing to show; say why and offer a retry instead of a blank window.
  private renderLoadError(err: unknown): void {
    const retry = h("button", { type: "button", class: "btn", "data-testid": "retry" }, "Try again");
    retry.addEventListener("click", () => void this.refreshAll());
    replaceChildren(
      this.list,
      h(
        "section",
        { class: "empty", "data-testid": "load-error", role: "alert" },
        h("h2", {}, "Dossier could not read your portfolio"),
        h("p", {}, backend.toBackendError("list_credentials", err).message),
        h("div", { class: "empty-actions" }, retry),
      ),
    );
  }

  /** After a change to the data: the list, the skill filter and the footer all may differ. */
  async refreshAll(): Promise<void> {
    await Promise.all([this.refresh(), this.refreshSkills(), this.refreshInfo()]);
  }

  async refreshSkills(): Promise<void> {
    try {
      const names = await backend.listSkillNames();
      const current = this.query.skill;
      replaceChildren(this.skillSelect, h("option", { value: "" }, "All skills"), names.map((n) => h("option", { value: n }, n)));
      if (current !== null && !names.includes(current)) {
        // The skill has gone with its last record: keep the filter visible rather than silently drop it.
        this.skillSelect.append(h("option", { value: current }, current));
      }
      this.skillSelect.value = current ?? "";
    } catch (err) {
      this.report(err);
    }
  }

  async refreshInfo(): Promise<void> {
    try {
      const info = await backend.appInfo();
      this.info.textContent = `v${info.version} · ${plural(info.records, "record")} · ${info.db_path}`;
      this.info.title = `Database: ${info.db_path}\nEvidence: ${info.evidence_dir}`;
    } catch (err) {
      this.report(err);
    }
  }

  private renderList(): void {
    const hadFocus = this.list.contains(document.activeElement);
    renderList(
      this.list,
      { credentials: this.credentials, filtered: this.filtered, selectedId: this.selected?.id ?? null, loaded: this.loaded },
      this.labels,
      {
        open: (id) => void this.openDetail(id),
        loadDemo: () => void this.loadDemo(),
        addFirst: () => void this.newCredential(),
        clearFilters: () => this.clearFilters(),
      },
    );
    const n = this.credentials.length;
    this.count.textContent = !this.loaded ? "" : this.filtered ? `${n} matching` : plural(n, "credential");
    if (hadFocus) this.selectedRow()?.focus();
  }

  private selectedRow(): HTMLElement | null {
    if (!this.selected) return null;
    return this.list.querySelector<HTMLElement>(`tr[data-id="${this.selected.id}"]`);
  }

  clearFilters(): void {
    this.search.value = "";
    this.query.search = this.query.kind = this.query.skill = null;
    this.kindSelect.value = this.skillSelect.value = "";
    this.searchSoon.cancel();
    void this.refresh();
    this.search.focus();
  }

  async openDetail(id: number, focus = true): Promise<void> {
    try {
      const c = await backend.getCredential(id);
      this.showDetail(c);
      if (focus) this.detail.focus();
    } catch (err) {
      this.report(err);
    }
  }

  private showDetail(c: Credential): void {
    this.selected = c;
    renderDetail(this.detail, c, this.labels, {
      edit: (cred) => void this.editCredential(cred),
      remove: (cred) => void this.deleteCredential(cred),
      close: () => this.closeDetail(),
      openEvidence: (e) => void this.openEvidence(e),
      removeEvidence: (cred, e) => void this.removeEvidence(cred, e),
    });
    if (!this.detail.isConnected) this.content.append(this.detail);
    this.content.classList.add("with-detail");
    for (const row of this.list.querySelectorAll<HTMLElement>("tr[data-id]")) {
      const on = Number(row.dataset.id) === c.id;
      row.classList.toggle("selected", on);
      row.setAttribute("aria-selected", on ? "true" : "false");
      if (on) row.scrollIntoView?.({ block: "nearest" });
    }
  }

  closeDetail(restoreFocus = true): void {
    const row = this.selectedRow();
    this.selected = null;
    this.detail.remove();
    this.content.classList.remove("with-detail");
    for (const r of this.list.querySelectorAll<HTMLElement>("tr.selected")) {
      r.classList.remove("selected");
      r.setAttribute("aria-selected", "false");
    }
    if (restoreFocus) (row ?? this.search).focus();
  }

  async newCredential(): Promise<void> {
    if (this.form) return this.form.form.querySelector<HTMLElement>("input")?.focus();
    try {
      this.openForm(null, await backend.newDraft(), []);
    } catch (err) {
      this.report(err);
    }
  }

  async editCredential(c: Credential): Promise<void> {
    if (this.form) return;
    try {
      this.openForm(c.id, await backend.credentialDraft(c.id), c.evidence);
    } catch (err) {
      this.report(err);
    }
  }

  private openForm(id: number | null, draft: CredentialDraft, evidence: readonly Evidence[]): void {
    if (this.form) return;
    this.form = new CredentialForm(
      {
        kinds: this.labels,
        validate: backend.validateDraft,
        save: backend.saveCredential,
        pickFiles: backend.pickEvidenceFiles,
        openEvidence: (e) => void this.openEvidence(e),
        saved: (c) => void this.afterSave(c, id === null),
        closed: () => (this.form = null),
        report: (err) => this.report(err),
      },
      { id, draft, evidence },
    );
    this.form.mount(document.body);
  }

  private async afterSave(c: Credential, created: boolean): Promise<void> {
    this.toaster.show(`${created ? "Added" : "Saved"} '${c.title}'.`);
    this.showDetail(c);
    await this.refreshAll();
    (this.selectedRow() ?? this.detail).focus();
  }

  async deleteCredential(c: Credential): Promise<void> {
    try {
      await backend.removeCredential(c.id);
    } catch (err) {
      this.report(err);
      return;
    }
    // Keep the keyboard in the list (next row, else the list) so Ctrl+Z and arrows still work.
    const row = this.list.querySelector<HTMLElement>(`tr[data-id="${c.id}"]`);
    const neighbour = (row?.nextElementSibling ?? row?.previousElementSibling) as HTMLElement | null;
    const neighbourId = neighbour?.dataset.id;
    if (this.selected?.id === c.id) this.closeDetail(false);
    this.undoable?.toast.dismiss();
    const toast = this.toaster.show(`Deleted '${c.title}'.`, {
      timeout: UNDO_MS,
      action: { label: "Undo", testid: "undo", title: shortcut("Z"), run: () => void this.undoDelete() },
    });
    this.undoable = { id: c.id, title: c.title, toast };
    await this.refreshAll();
    const next = neighbourId ? this.list.querySelector<HTMLElement>(`tr[data-id="${neighbourId}"]`) : null;
    (next ?? this.list).focus();
  }

  /** Restores the most recent delete while its toast is still up. */
  async undoDelete(): Promise<void> {
    const u = this.undoable;
    this.undoable = null;
    if (!u) return;
    u.toast.dismiss();
    try {
      await backend.restoreCredential(u.id);
    } catch (err) {
      this.report(err);
      return;
    }
    this.toaster.show(`Restored '${u.title}'.`);
    await this.refreshAll();
    await this.openDetail(u.id, false);
  }

  async loadDemo(): Promise<void> {
    try {
      const n = await backend.loadDemo();
      this.toaster.show(`Loaded the demo portfolio: ${plural(n, "credential")}.`);
    } catch (err) {
      this.report(err);
    }
    await this.refreshAll();
  }

  private async openEvidence(e: Evidence): Promise<void> {
    try {
      await backend.openEvidence(e.sha256);
    } catch (err) {
      this.report(err);
    }
  }

  private async removeEvidence(c: Credential, e: Evidence): Promise<void> {
    try {
      const updated = await backend.removeEvidence(c.id, e.sha256);
      this.toaster.show(`Removed '${e.name}' from '${updated.title}'.`);
      this.showDetail(updated);
      this.detail.focus();
      await this.refresh();
    } catch (err) {
      this.report(err);
    }
  }

  /** A backend failure as a toast; whatever the user typed stays where it is. */
  report(err: unknown): void {
    const e = backend.toBackendError("", err);
    console.error(e.command || "ui", e.kind, e.message);
    this.toaster.error(e.message);
  }

  // Ctrl+Z belongs to text editing inside a field, except in an empty search box.
  private canUndo(target: EventTarget | null): boolean {
    if (!this.undoable || this.undoable.toast.dismissed) return false;
    return !isEditable(target) || (target === this.search && this.search.value === "");
  }

  private onKey(e: KeyboardEvent): void {
    const key = e.key.toLowerCase();
    const mod = withCtrlOrCmd(e);
    if (this.form) {
      if (mod && (key === "s" || key === "enter")) {
        e.preventDefault();
        void this.form.save();
      } else if (key === "escape") {
        e.preventDefault();
        this.form.cancel();
      }
      return; // the form is modal: nothing else reacts while it is open
    }
    if (mod && key === "n" && !e.shiftKey) {
      e.preventDefault();
      void this.newCredential();
    } else if ((mod && key === "f") || (key === "/" && !mod && !isEditable(e.target))) {
      e.preventDefault();
      this.search.focus();
      this.search.select();
    } else if (mod && key === "z" && !e.shiftKey && this.canUndo(e.target)) {
      e.preventDefault();
      void this.undoDelete();
    } else if (key === "escape") {
      if (e.target === this.search && this.search.value) {
        e.preventDefault();
        this.search.value = "";
        this.query.search = null;
        this.searchSoon.cancel();
        void this.refresh();
      } else if (this.selected) {
        e.preventDefault();
        this.closeDetail();
      }
    }
  }
}

/** Builds the window in `root` and loads the first page of data. */
export async function startApp(root: HTMLElement): Promise<App> {
  let labels = new KindLabels([]);
  let kindsError: unknown = null;
  try {
    labels = new KindLabels(await backend.credentialKinds());
  } catch (err) {
    kindsError = err;
  }
  const app = new App(root, labels);
  if (kindsError) app.report(kindsError);
  await app.refreshAll();
  return app;
}
