// The window: header with the pages, the credential list with its toolbar, detail panel,
// form and toasts, and the state that ties them together. Every figure shown comes from a
// backend call; this file only arranges them. The other pages live in pages.ts.

import type { Credential, CredentialDraft, Evidence, ListQuery, Renewal } from "./bindings";
import * as backend from "./backend";
import { h, icon, isEditable, replaceChildren } from "./dom";
import { renderDetail } from "./detail";
import { Filters } from "./filters";
import { CredentialForm } from "./form";
import { KindLabels, plural } from "./format";
import { shortcut, withCtrlOrCmd } from "./keys";
import { countText, loadError, renderList } from "./list";
import { ListPager } from "./list-pager";
import { attempt } from "./kit-async";
import { redraw } from "./kit-state";
import { Undo } from "./kit-undo";
import { Pages } from "./pages";
import { watchOtherWriters } from "./other-writers";
import { Toaster } from "./toast";

export class App {
  readonly root: HTMLElement;
  readonly toaster: Toaster;
  credentials: Credential[] = [];
  form: CredentialForm | null = null;
  readonly pages: Pages;
  private readonly labels: KindLabels;
  /** The open record's renewals, kept so redraws (new statuses) do not refetch them. */
  private renewalsOf: { id: number; list: Renewal[] } | null = null;
  private loaded = false;
  private selected: Credential | null = null;
  private readonly undoable: Undo;
  private readonly pager = new ListPager(backend.listCredentials);
  private readonly filters: Filters;
  private readonly search: HTMLInputElement;
  private readonly newBtn: HTMLButtonElement;
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;
  private readonly content: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly info: HTMLElement;

  constructor(root: HTMLElement, labels: KindLabels) {
    this.root = root;
    this.labels = labels;
    this.filters = new Filters(
      labels,
      () => void this.refresh(true),
      () => {
        if (this.pages.current !== "credentials") this.pages.show("credentials");
      },
    );
    this.search = this.filters.search;
    this.newBtn = h(
      "button",
      { type: "button", class: "btn btn-primary", "data-testid": "new-credential", title: `New credential (${shortcut("N")})` },
      icon("plus"),
      "New credential",
    );
    this.newBtn.addEventListener("click", () => void this.newCredential());
    this.count = h("span", { class: "count-line", "data-testid": "count", "aria-live": "polite" });
    this.list = h("section", { class: "list", "data-testid": "credential-list", "aria-label": "Credentials", tabindex: -1 });
    this.detail = h("aside", { class: "detail", "data-testid": "detail", tabindex: -1 });
    this.content = h("div", { class: "content" }, this.list);
    this.info = h("span", { class: "info", "data-testid": "app-info" });
    this.toaster = new Toaster(document.body);
    this.undoable = new Undo(this.toaster, this.reportErr);
    const credentialsPage = h(
      "div",
      { class: "credentials-layout" },
      h(
        "div",
        { class: "toolbar", role: "toolbar", "aria-label": "Filters" },
        this.filters.tools,
        this.count,
        h("span", { class: "spacer" }),
        this.newBtn,
      ),
      this.content,
    );
    this.pages = new Pages(
      {
        toaster: this.toaster,
        report: (err) => this.report(err),
        credentialsPage,
        statusesChanged: () => this.statusesChanged(),
        recordChanged: (c) => this.recordChanged(c),
        logActivity: (skills) => void this.logActivity(skills),
        openCredential: (id) => {
          this.pages.show("credentials");
          void this.openDetail(id);
        },
        reloadAll: () => this.reloadAll(),
        recordForm: () => this.form,
      },
      labels,
    );

    replaceChildren(
      root,
      h(
        "header",
        { class: "topbar" },
        h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, "D"), h("h1", {}, "Dossier")),
        this.pages.shell.nav,
        h("div", { class: "search-wrap" }, icon("search", "icon search-icon"), this.search, h("kbd", { class: "search-kbd", "aria-hidden": "true" }, "/")),
      ),
      this.pages.shell.element,
      h(
        "footer",
        { class: "statusbar" },
        h(
          "span",
          { class: "hints" },
          `${shortcut("1")}–${this.pages.shell.shortcuts} pages · ${shortcut("N")} new · / or ${shortcut("F")} search · ${shortcut("S")} save · Esc close · ${shortcut("Z")} undo delete · ↑↓ Enter browse`,
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
    this.pages.renewDialog?.close();
    this.undoable.dismiss();
  }

  get query(): ListQuery {
    return this.filters.query;
  }

  private get filtered(): boolean {
    return this.filters.filtered;
  }

  /**
   * Reloads the list: from the first page for a new query (`reset`), else as many records as
   * are showing. Answers to superseded requests are dropped.
   */
  async refresh(reset = false): Promise<void> {
    // Before the first answer there is no list to keep, so the failure takes its place.
    const failed = (err: unknown): void =>
      this.loaded ? this.report(err) : replaceChildren(this.list, loadError(backend.toBackendError("list_credentials", err).message, () => void this.refreshAll()));
    if (!(await attempt(failed, () => this.pager.reload({ ...this.query }, reset)))) return;
    this.credentials = this.pager.rows;
    this.loaded = true;
    this.renderList();
  }

  /** "Show more": the next page, appended; the keyboard moves to its first row. */
  async showMore(): Promise<void> {
    const first = this.credentials.length;
    if (!(await attempt(this.reportErr, () => this.pager.next({ ...this.query })))) return;
    this.credentials = this.pager.rows;
    this.renderList();
    this.list.querySelectorAll<HTMLElement>("tr[data-id]")[first]?.focus();
  }

  /** After a change to the data: the list, the statuses, the skill filter and the footer all may differ. */
  async refreshAll(): Promise<void> {
    await Promise.all([this.refresh(), this.pages.refreshData(), this.refreshSkills(), this.refreshInfo()]);
  }

  /** Reloads everything when the CLI (or a restore) wrote to the database meanwhile. */
  watchOtherWriters(): void {
    watchOtherWriters(window, backend.dataVersion, () => void this.reloadAll());
  }

  /**
   * After the database was replaced by a backup: the open record and a pending delete's Undo
   * belong to the database that was, so they go before everything reloads.
   */
  private async reloadAll(): Promise<void> {
    this.undoable.dismiss();
    if (this.selected) this.closeDetail(false);
    await this.refreshAll();
  }

  /** New statuses from the dashboard: the list's badges and the open detail show them. */
  private statusesChanged(): void {
    if (this.loaded) this.renderList();
    if (this.selected) this.showDetail(this.selected);
  }

  private async recordChanged(c: Credential): Promise<void> {
    if (this.selected?.id === c.id) {
      this.renewalsOf = null;
      this.showDetail(c);
    }
    await this.refreshAll();
  }

  /** "Log activity" (dashboard, learning plan): a new CE activity prefilled with the skills. */
  async logActivity(skills: readonly string[]): Promise<void> {
    if (this.form) return;
    const draft = await attempt(this.reportErr, backend.newDraft);
    if (!draft) return;
    draft.kind = "ce-activity";
    // Relevance left empty: how much the activity covers each skill is the person's call.
    draft.skills = skills.map((name) => ({ name, relevance: "" }));
    this.openForm(null, draft, []);
  }

  async refreshSkills(): Promise<void> {
    const names = await attempt(this.reportErr, backend.listSkillNames);
    if (names) this.filters.setSkills(names);
  }

  async refreshInfo(): Promise<void> {
    const info = await attempt(this.reportErr, backend.appInfo);
    if (!info) return;
    this.info.textContent = `v${info.version} · ${plural(info.records, "record")} · ${info.db_path}`;
    this.info.title = `Database: ${info.db_path}\nEvidence: ${info.evidence_dir}`;
  }

  private renderList(): void {
    redraw(this.list, () => renderList(
      this.list,
      {
        credentials: this.credentials,
        filtered: this.filtered,
        selectedId: this.selected?.id ?? null,
        loaded: this.loaded,
        statuses: this.pages.statuses(),
        more: this.pager.more,
      },
      this.labels,
      {
        open: (id) => void this.openDetail(id),
        loadDemo: () => void this.loadDemo(),
        addFirst: () => void this.newCredential(),
        clearFilters: () => this.clearFilters(),
        showMore: () => void this.showMore(),
      },
    ));
    this.count.textContent = countText({ credentials: this.credentials, filtered: this.filtered, loaded: this.loaded, more: this.pager.more });
  }

  private selectedRow(): HTMLElement | null {
    if (!this.selected) return null;
    return this.list.querySelector<HTMLElement>(`tr[data-id="${this.selected.id}"]`);
  }

  clearFilters(): void {
    this.filters.clear();
    void this.refresh(true);
    this.search.focus();
  }

  async openDetail(id: number, focus = true): Promise<void> {
    const c = await attempt(this.reportErr, () => backend.getCredential(id));
    if (!c) return;
    this.showDetail(c);
    if (focus) this.detail.focus();
  }

  private showDetail(c: Credential): void {
    this.selected = c;
    const renewals = this.renewalsOf?.id === c.id ? this.renewalsOf.list : null;
    const handlers = {
      edit: (cred: Credential) => void this.editCredential(cred),
      renew: (cred: Credential) => this.pages.openRenew(cred),
      remove: (cred: Credential) => void this.deleteCredential(cred),
      close: () => this.closeDetail(),
      openEvidence: (e: Evidence) => void this.openEvidence(e),
      removeEvidence: (cred: Credential, e: Evidence) => void this.removeEvidence(cred, e),
    };
    const parts = { assessment: this.pages.assessment(c.id), renewals, why: this.pages.whySection(c) };
    // A control that is gone from the new drawing leaves the keyboard in the panel, not on the page.
    if (!redraw(this.detail, () => renderDetail(this.detail, c, this.labels, handlers, parts))) this.detail.focus();
    if (renewals === null) void this.loadRenewals(c.id);
    if (!this.detail.isConnected) this.content.append(this.detail);
    this.content.classList.add("with-detail");
    for (const row of this.list.querySelectorAll<HTMLElement>("tr[data-id]")) {
      const on = Number(row.dataset.id) === c.id;
      row.classList.toggle("selected", on);
      row.setAttribute("aria-selected", on ? "true" : "false");
      if (on) row.scrollIntoView?.({ block: "nearest" });
    }
  }

  private async loadRenewals(id: number): Promise<void> {
    const list = await attempt(this.reportErr, () => backend.renewals(id));
    if (!list) return;
    this.renewalsOf = { id, list };
    if (this.selected?.id === id) this.showDetail(this.selected);
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
    const draft = await attempt(this.reportErr, backend.newDraft);
    if (draft) this.openForm(null, draft, []);
  }

  async editCredential(c: Credential): Promise<void> {
    if (this.form) return;
    const draft = await attempt(this.reportErr, () => backend.credentialDraft(c.id));
    if (draft) this.openForm(c.id, draft, c.evidence);
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
    await Promise.all([this.refreshAll(), this.pages.halfLifeNotice(c)]);
    if (this.pages.current === "credentials") (this.selectedRow() ?? this.detail).focus();
    else this.pages.focusCurrent();
  }

  async deleteCredential(c: Credential): Promise<void> {
    await this.undoable.remove({
      remove: () => backend.removeCredential(c.id).then(() => c),
      restore: () => backend.restoreCredential(c.id),
      removedText: () => `Deleted '${c.title}'.`,
      restoredText: () => `Restored '${c.title}'.`,
      undoTitle: shortcut("Z"),
      afterRemove: async () => {
        // Keep the keyboard in the list (next row, else the list) so Ctrl+Z and arrows still work.
        const row = this.list.querySelector<HTMLElement>(`tr[data-id="${c.id}"]`);
        const neighbourId = ((row?.nextElementSibling ?? row?.previousElementSibling) as HTMLElement | null)?.dataset.id;
        if (this.selected?.id === c.id) this.closeDetail(false);
        await this.refreshAll();
        const next = neighbourId ? this.list.querySelector<HTMLElement>(`tr[data-id="${neighbourId}"]`) : null;
        (next ?? this.list).focus();
      },
      afterRestore: async (_, restored) => {
        if (!restored) return;
        await this.refreshAll();
        await this.openDetail(c.id, false);
      },
    });
  }

  /** Restores the most recent delete while its toast is still up. */
  async undoDelete(): Promise<void> {
    await this.undoable.undo();
  }

  async loadDemo(): Promise<void> {
    const n = await attempt(this.reportErr, backend.loadDemo);
    if (n !== undefined) this.toaster.show(`Loaded the demo portfolio: ${plural(n, "credential")}.`);
    await this.refreshAll();
  }

  private async openEvidence(e: Evidence): Promise<void> {
    await attempt(this.reportErr, () => backend.openEvidence(e.sha256));
  }

  private async removeEvidence(c: Credential, e: Evidence): Promise<void> {
    const updated = await attempt(this.reportErr, () => backend.removeEvidence(c.id, e.sha256));
    if (!updated) return;
    this.toaster.show(`Removed '${e.name}' from '${updated.title}'.`);
    this.showDetail(updated);
    this.detail.focus();
    await this.refresh();
  }

  private readonly reportErr = (err: unknown): void => this.report(err);

  /** A backend failure as a toast; whatever the user typed stays where it is. */
  report(err: unknown): void {
    const e = backend.toBackendError("", err);
    console.error(e.command || "ui", e.kind, e.message);
    this.toaster.error(e.message);
  }

  // Ctrl+Z belongs to text editing inside a field, except in an empty search box.
  private canUndo(target: EventTarget | null): boolean {
    if (!this.undoable.canUndo) return false;
    return !isEditable(target) || (target === this.search && this.search.value === "");
  }

  private onKey(e: KeyboardEvent): void {
    const key = e.key.toLowerCase();
    const mod = withCtrlOrCmd(e);
    if (this.pages.renewDialog) return; // modal; it handles its own keys
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
    if (this.pages.shell.onKey(e)) return;
    if (mod && key === "n" && !e.shiftKey) {
      e.preventDefault();
      void this.newCredential();
    } else if ((mod && key === "f") || (key === "/" && !mod && !isEditable(e.target))) {
      e.preventDefault();
      this.pages.show("credentials");
      this.search.focus();
      this.search.select();
    } else if (mod && key === "z" && !e.shiftKey && this.canUndo(e.target)) {
      e.preventDefault();
      void this.undoDelete();
    } else if (key === "escape") {
      if (e.target === this.search && this.search.value) {
        e.preventDefault();
        this.filters.clearSearch();
        void this.refresh(true);
      } else if (this.selected && this.pages.current === "credentials" && !isEditable(e.target)) {
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
  // The window is not built yet, so the failure is reported once it is.
  const kinds = await attempt((err) => (kindsError = err), backend.credentialKinds);
  if (kinds) labels = new KindLabels(kinds);
  const app = new App(root, labels);
  if (kindsError) app.report(kindsError);
  await app.refreshAll();
  // With records, the dashboard says what needs doing; without, the list's empty state offers the demo.
  if (app.credentials.length > 0) app.pages.show("dashboard");
  return app;
}
