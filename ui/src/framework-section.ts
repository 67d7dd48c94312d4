// The Coverage page's "Framework" section: what the active framework is and where it comes
// from, the editor for it, and Import…/Export… of framework JSON through Rust's file dialogs.

import type { FieldError, Framework, FrameworkInfo } from "./bindings";
import * as backend from "./backend";
import { h, icon, replaceChildren } from "./dom";
import { FrameworkEditor } from "./framework-editor";
import { attempt, succeeds } from "./kit-async";
import type { PageHost } from "./page-parts";

export interface FrameworkHost extends PageHost {
  /** Framework data changed (saved, imported, switched): reload the page. */
  reload(): void;
}

/** Rust's message with the node or field it names, for problems not shown next to a field. */
export function namedMessage(e: FieldError): string {
  return `${e.field}: ${e.message}`;
}

export class FrameworkSection {
  readonly element: HTMLElement;
  private readonly about: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly editBtn: HTMLButtonElement;
  private readonly importBtn: HTMLButtonElement;
  private readonly exportBtn: HTMLButtonElement;
  /** Where the editor opens: the page places it (full width, under the plan). */
  readonly editorSlot: HTMLElement;
  private active: FrameworkInfo | null = null;
  editor: FrameworkEditor | null = null;

  constructor(private readonly host: FrameworkHost) {
    this.about = h("div", { class: "fw-about" });
    this.problems = h("div", { class: "form-summary", role: "alert", "data-testid": "framework-problems" });
    this.editBtn = h("button", { type: "button", class: "btn", "data-testid": "fw-edit", "aria-expanded": "false" }, icon("edit"), "Edit");
    this.editBtn.addEventListener("click", () => void (this.editor ? this.closeEditor() : this.openEditor()));
    this.importBtn = h("button", { type: "button", class: "btn", "data-testid": "fw-import" }, "Import…");
    this.importBtn.addEventListener("click", () => void this.importFramework());
    this.exportBtn = h("button", { type: "button", class: "btn", "data-testid": "fw-export" }, "Export…");
    this.exportBtn.addEventListener("click", () => void this.exportFramework());
    this.editorSlot = h("div", { class: "fw-editor-slot", "aria-label": "Framework editor" });
    this.element = h(
      "section",
      { class: "card fw-section", "data-testid": "frameworks", "aria-labelledby": "fw-title" },
      h("div", { class: "fw-head" }, h("h3", { id: "fw-title" }, "Framework"), h("span", { class: "spacer" }), this.editBtn, this.importBtn, this.exportBtn),
      this.about,
      this.problems,
    );
  }

  /** The active framework as listed; the editor follows a switch to another one. */
  update(active: FrameworkInfo | null): void {
    const switched = this.active?.id !== active?.id;
    this.active = active;
    this.exportBtn.disabled = this.editBtn.disabled = active === null;
    if (switched && this.editor) this.closeEditor();
    void this.describe();
  }

  private async describe(): Promise<void> {
    const id = this.active?.id;
    if (!id) return replaceChildren(this.about);
    const fw = await attempt(this.host.report, () => backend.framework(id));
    if (fw && this.active?.id === id) this.showAbout(fw);
  }

  private showAbout(fw: Framework): void {
    const info = this.active;
    replaceChildren(
      this.about,
      h("p", {}, h("strong", { "data-testid": "fw-active-name" }, fw.name), info ? h("span", { class: "muted" }, ` · ${info.skills} skills${info.builtin ? " · shipped with Dossier" : ""}`) : null),
      fw.description ? h("p", { class: "muted" }, fw.description) : null,
      fw.citation ? h("p", { class: "hint" }, fw.citation) : null,
    );
  }

  async openEditor(): Promise<void> {
    const id = this.active?.id;
    if (!id || this.editor) return;
    const fw = await attempt(this.host.report, () => backend.framework(id));
    if (!fw) return;
    this.editor = new FrameworkEditor(
      {
        save: backend.saveFramework,
        saved: (saved) => {
          this.host.toaster.show(`Saved '${saved.name}'.`);
          this.showAbout(saved);
          this.host.reload();
        },
        report: (err) => this.host.report(err),
      },
      fw,
      () => this.closeEditor(),
    );
    replaceChildren(this.editorSlot, this.editor.element);
    this.editBtn.setAttribute("aria-expanded", "true");
    this.editor.element.scrollIntoView?.({ block: "start" });
    this.editor.element.querySelector<HTMLElement>("input")?.focus();
  }

  closeEditor(): void {
    this.editor = null;
    replaceChildren(this.editorSlot);
    this.editBtn.setAttribute("aria-expanded", "false");
  }

  async importFramework(): Promise<void> {
    replaceChildren(this.problems);
    // A refused file lists every problem Rust found in it, not one toast for the first.
    const refused = (err: unknown): void => {
      const e = backend.toBackendError("import_framework", err);
      if (e.kind !== "validation") return this.host.report(e);
      replaceChildren(
        this.problems,
        h("p", { class: "error" }, `Nothing was imported: ${e.fields.length ? "the file has problems." : e.message}`),
        h("ul", { class: "error-list" }, e.fields.map((f) => h("li", { class: "error", "data-testid": "import-problem" }, namedMessage(f)))),
      );
    };
    const fw = await attempt(refused, backend.importFramework, { busy: this.importBtn });
    if (!fw) return;
    this.host.toaster.show(`Imported '${fw.name}'.`, {
      timeout: 10000,
      action: { label: "Use it", testid: "use-imported", run: () => void this.use(fw.id) },
    });
    this.host.reload();
  }

  private async use(id: string): Promise<void> {
    if (await succeeds(this.host.report, () => backend.useFramework(id))) this.host.reload();
  }

  async exportFramework(): Promise<void> {
    const info = this.active;
    if (!info) return;
    const path = await attempt(this.host.report, () => backend.exportFramework(info.id), { busy: this.exportBtn });
    if (path) this.host.toaster.show(`Exported '${info.name}' to ${path}.`, { timeout: 10000 });
  }
}
