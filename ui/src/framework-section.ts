// The Coverage page's "Framework" section: what the active framework is and where it comes
// from, the editor for it, and Import…/Export… of framework JSON through Rust's file dialogs.

import type { FieldError, Framework, FrameworkInfo } from "./bindings";
import * as backend from "./backend";
import { h, icon, replaceChildren } from "./dom";
import { FrameworkEditor } from "./framework-editor";
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
    try {
      const fw = await backend.framework(id);
      if (this.active?.id === id) this.showAbout(fw);
    } catch (err) {
      this.host.report(err);
    }
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
    let fw: Framework;
    try {
      fw = await backend.framework(id);
    } catch (err) {
      this.host.report(err);
      return;
    }
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
    this.importBtn.disabled = true;
    replaceChildren(this.problems);
    try {
      const fw = await backend.importFramework();
      if (fw === null) return;
      this.host.toaster.show(`Imported '${fw.name}'.`, {
        timeout: 10000,
        action: { label: "Use it", testid: "use-imported", run: () => void this.use(fw.id) },
      });
      this.host.reload();
    } catch (err) {
      const e = backend.toBackendError("import_framework", err);
      if (e.kind !== "validation") this.host.report(e);
      else
        replaceChildren(
          this.problems,
          h("p", { class: "error" }, `Nothing was imported: ${e.fields.length ? "the file has problems." : e.message}`),
          h("ul", { class: "error-list" }, e.fields.map((f) => h("li", { class: "error", "data-testid": "import-problem" }, namedMessage(f)))),
        );
    } finally {
      this.importBtn.disabled = false;
    }
  }

  private async use(id: string): Promise<void> {
    try {
      await backend.useFramework(id);
      this.host.reload();
    } catch (err) {
      this.host.report(err);
    }
  }

  async exportFramework(): Promise<void> {
    const info = this.active;
    if (!info) return;
    this.exportBtn.disabled = true;
    try {
      const path = await backend.exportFramework(info.id);
      if (path !== null) this.host.toaster.show(`Exported '${info.name}' to ${path}.`, { timeout: 10000 });
    } catch (err) {
      this.host.report(err);
    } finally {
      this.exportBtn.disabled = false;
    }
  }
}
