// The framework editor: the active framework's tree (domains and their skills) with names,
// half-lives, descriptions and aliases editable, skills and domains added or removed, then
// saved whole. Rust validates the framework as it would an import and names the bad node
// ("node 'csml.dl'", or "nodes[3]" for a node without an id); the message goes next to it.

import type { FieldError, Framework, FrameworkDraft, NodeDraft } from "./bindings";
import { h, icon } from "./dom";
import { ErrorSlot, textInput } from "./form-parts";
import { fieldMessage, numberText, pathOf, plural } from "./format";
import { shortcut, withCtrlOrCmd } from "./keys";
import { Fields, formField, submitForm } from "./kit-form";

/** One node as edited: values kept as typed; the parent is the node itself, so ids can change. */
interface EditNode {
  key: number;
  id: string;
  /** Added here: its id can still be chosen. */
  added: boolean;
  name: string;
  parent: EditNode | null;
  halfLife: string;
  description: string;
  aliases: string;
  weight: number | null;
}

export interface EditorHost {
  save(draft: FrameworkDraft): Promise<Framework>;
  saved(fw: Framework): void;
  report(err: unknown): void;
}

/** The field Rust names a node by: its id, or its position when it has none. */
function nodeField(n: EditNode, index: number): string {
  const id = n.id.trim();
  return id ? `node '${id}'` : `nodes[${index}]`;
}

/** Whether Rust's error is about this node: by its id, or by its place for one without. */
function isAbout(e: FieldError, n: EditNode, index: number): boolean {
  const p = pathOf(e);
  if (p.field !== "nodes") return e.field === nodeField(n, index);
  return p.id !== null ? p.id === n.id.trim() : p.index === index;
}

export class FrameworkEditor {
  readonly element: HTMLElement;
  private readonly fields = new Fields("framework-errors");
  private readonly nameInput: HTMLInputElement;
  private readonly descInput: HTMLInputElement;
  private readonly tree: HTMLElement;
  private readonly saveBtn: HTMLButtonElement;
  private nodes: EditNode[] = [];
  private slots = new Map<EditNode, { slot: ErrorSlot; control: HTMLElement }>();
  private nextKey = 1;
  private errors: readonly FieldError[] = [];

  constructor(
    private readonly host: EditorHost,
    private fw: Framework,
    private readonly discard: () => void,
  ) {
    this.nameInput = textInput(fw.name);
    this.nameInput.addEventListener("input", () => (this.fw = { ...this.fw, name: this.nameInput.value }));
    this.descInput = textInput(fw.description ?? "");
    const name = formField({ field: "name", label: "Framework name", control: this.nameInput, testid: "fw-name", id: "fw-name" });
    const desc = formField({ field: "description", label: "Description", control: this.descInput, testid: "fw-description", id: "fw-description" });
    this.fields.add("name", name.slot);
    this.fields.add("description", desc.slot);
    this.tree = h("ol", { class: "fw-tree", "aria-label": "Domains and skills" });
    const addDomain = h("button", { type: "button", class: "btn btn-small", "data-testid": "fw-add-domain" }, icon("plus"), "Add domain");
    addDomain.addEventListener("click", () => this.add(null));
    this.saveBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "fw-save", title: `Enter or ${shortcut("S")}` }, "Save framework");
    const cancel = h("button", { type: "button", class: "btn", "data-testid": "fw-discard" }, "Discard changes");
    cancel.addEventListener("click", () => this.discard());
    const form = h(
      "form",
      { class: "fw-editor", "data-testid": "framework-editor", novalidate: true, "aria-labelledby": "fw-editor-title" },
      h("h3", { id: "fw-editor-title" }, `Edit framework: ${fw.name}`),
      this.fields.summary,
      h("div", { class: "grid" }, name.wrapper, desc.wrapper),
      h("p", { class: "hint" }, "Aliases are other names records may use for a skill, separated by commas. Half-lives are in years."),
      // Column names for sighted users; each input carries its own label for screen readers.
      h("div", { class: "fw-row fw-cols", "aria-hidden": "true" }, ["Id", "Name", "Half-life", "Aliases", "Description"].map((c) => h("span", {}, c))),
      this.tree,
      h("div", { class: "fw-actions" }, addDomain, h("span", { class: "spacer" }), cancel, this.saveBtn),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
    form.addEventListener("keydown", (e) => {
      if (withCtrlOrCmd(e) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void this.save();
      }
    });
    this.element = form;
    this.load(fw);
  }

  /** Starts over from `fw` as stored. */
  load(fw: Framework): void {
    this.fw = fw;
    this.nameInput.value = fw.name;
    this.descInput.value = fw.description ?? "";
    const byId = new Map<string, EditNode>();
    this.nodes = fw.nodes.map((n) => {
      const e: EditNode = {
        key: this.nextKey++,
        id: n.id,
        added: false,
        name: n.name,
        parent: null,
        halfLife: n.half_life_years === null ? "" : numberText(n.half_life_years),
        description: n.description ?? "",
        aliases: n.aliases.join(", "),
        weight: n.weight,
      };
      byId.set(n.id, e);
      return e;
    });
    fw.nodes.forEach((n, i) => {
      const e = this.nodes[i];
      if (e) e.parent = n.parent === null ? null : (byId.get(n.parent) ?? null);
    });
    this.errors = [];
    this.fields.clear();
    this.render();
  }

  private children(parent: EditNode | null): EditNode[] {
    return this.nodes.filter((n) => n.parent === parent);
  }

  /** Top-level nodes are domains even before they have skills; below, a node with children is one. */
  private isDomain(n: EditNode): boolean {
    return n.parent === null || this.nodes.some((c) => c.parent === n);
  }

  private descendants(n: EditNode): EditNode[] {
    const out: EditNode[] = [];
    for (const c of this.children(n)) out.push(c, ...this.descendants(c));
    return out;
  }

  private freshId(base: string): string {
    const taken = new Set(this.nodes.map((n) => n.id));
    let i = 1;
    while (taken.has(`${base}${i}`)) i++;
    return `${base}${i}`;
  }

  /** A new skill under `parent`, or a new domain when null; placed after what it joins. */
  private add(parent: EditNode | null): void {
    const node: EditNode = {
      key: this.nextKey++,
      id: parent ? this.freshId(`${parent.id}.skill-`) : this.freshId("domain-"),
      added: true,
      name: "",
      parent,
      halfLife: "",
      description: "",
      aliases: "",
      weight: null,
    };
    const group = parent ? [parent, ...this.descendants(parent)] : [];
    const last = group.length ? this.nodes.indexOf(group[group.length - 1] as EditNode) : this.nodes.length - 1;
    this.nodes.splice(last + 1, 0, node);
    this.errors = [];
    this.render();
    this.tree.querySelector<HTMLElement>(`[data-key="${node.key}"] [data-testid="fw-node-name"]`)?.focus();
  }

  private remove(n: EditNode): void {
    const gone = new Set([n, ...this.descendants(n)]);
    const at = this.nodes.indexOf(n);
    this.nodes = this.nodes.filter((x) => !gone.has(x));
    this.errors = [];
    this.render();
    // Keep the keyboard nearby: the node that took its place, else the Add domain button.
    const next = this.nodes[Math.min(at, this.nodes.length - 1)];
    const target = next ? this.tree.querySelector<HTMLElement>(`[data-key="${next.key}"] [data-testid="fw-node-name"]`) : null;
    (target ?? this.element.querySelector<HTMLElement>('[data-testid="fw-add-domain"]'))?.focus();
  }

  private input(n: EditNode, key: "id" | "name" | "halfLife" | "description" | "aliases", label: string, attrs: Record<string, string> = {}): HTMLInputElement {
    const el = textInput(n[key], { "aria-label": `${label} of ${n.name || "the new node"}`, placeholder: label, ...attrs });
    el.addEventListener("input", () => (n[key] = el.value));
    return el;
  }

  private removeButton(n: EditNode, domain: boolean): HTMLButtonElement {
    const what = n.name || (domain ? "this domain" : "this skill");
    const btn = h("button", { type: "button", class: "btn btn-small btn-quiet btn-danger-quiet", "data-testid": "fw-remove", "aria-label": `Remove ${what}` }, icon("trash"));
    // Like removing evidence: a second, deliberate click, which says what goes with it.
    let armed = false;
    btn.addEventListener("click", () => {
      if (!armed) {
        armed = true;
        const skills = this.descendants(n).length;
        btn.replaceChildren(domain && skills ? `Remove with ${plural(skills, "skill")}?` : "Confirm remove");
        btn.classList.add("btn-danger");
        return;
      }
      this.remove(n);
    });
    btn.addEventListener("blur", () => {
      armed = false;
      btn.replaceChildren(icon("trash"));
      btn.classList.remove("btn-danger");
    });
    return btn;
  }

  private nodeItem(n: EditNode): HTMLElement {
    const domain = this.isDomain(n);
    const name = this.input(n, "name", domain ? "Domain name" : "Skill name", { "data-testid": "fw-node-name", class: "fw-name" });
    const id = n.added
      ? this.input(n, "id", "Id", { "data-testid": "fw-node-id", class: "fw-id" })
      : h("code", { class: "fw-id-text", title: n.id }, n.id);
    const slot = new ErrorSlot(`fw-node-${n.key}-msg`);
    slot.bind(`node-${n.key}`, name);
    this.slots.set(n, { slot, control: name });
    const inputs: HTMLElement[] = [name];
    if (!domain) {
      inputs.push(
        this.input(n, "halfLife", "Half-life in years", { "data-testid": "fw-node-half-life", inputmode: "decimal", class: "fw-half", placeholder: "years" }),
        this.input(n, "aliases", "Aliases", { "data-testid": "fw-node-aliases", class: "fw-aliases" }),
      );
    }
    inputs.push(this.input(n, "description", "Description", { "data-testid": "fw-node-description", class: "fw-desc" }), this.removeButton(n, domain));
    const body: HTMLElement[] = [];
    if (domain) {
      const add = h("button", { type: "button", class: "btn btn-small btn-quiet", "data-testid": "fw-add-skill" }, icon("plus"), `Add skill${n.name ? ` to ${n.name}` : ""}`);
      add.addEventListener("click", () => this.add(n));
      body.push(h("ol", { class: "fw-skills" }, this.children(n).map((c) => this.nodeItem(c))), add);
    }
    return h(
      "li",
      { class: domain ? "fw-domain" : "fw-skill", "data-testid": "fw-node", "data-id": n.id, "data-key": n.key, "data-kind": domain ? "domain" : "skill" },
      h("div", { class: "fw-row" }, id, inputs),
      slot.element,
      body,
    );
  }

  private render(): void {
    this.slots = new Map();
    this.tree.replaceChildren(...this.children(null).map((n) => this.nodeItem(n)));
    this.showErrors(this.errors);
  }

  /** Rust's messages: each node's next to it, the framework's under its fields, the rest on top. */
  private showErrors(errors: readonly FieldError[]): void {
    this.errors = errors;
    const placed = new Set<FieldError>();
    this.nodes.forEach((n, i) => {
      const at = this.slots.get(n);
      if (!at) return;
      const mine = errors.filter((e) => isAbout(e, n, i));
      mine.forEach((e) => placed.add(e));
      at.slot.show(mine.map((e) => ({ field: `node-${n.key}`, message: fieldMessage(e) })));
      at.control.closest("li")?.classList.toggle("invalid", mine.length > 0);
    });
    this.fields.show(errors.filter((e) => !placed.has(e)));
  }

  /** The framework as edited: half-lives as typed, for Rust to read under each node. */
  collect(): FrameworkDraft {
    const nodes: NodeDraft[] = this.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      parent: n.parent ? n.parent.id : "",
      // A domain has no half-life, whatever its box held before it gained children.
      half_life_years: this.isDomain(n) ? "" : n.halfLife,
      description: n.description,
      aliases: n.aliases === "" ? [] : n.aliases.split(","),
      weight: n.weight,
    }));
    const fw = this.fw;
    return { format: fw.format, id: fw.id, name: this.nameInput.value, description: this.descInput.value, citation: fw.citation, nodes };
  }

  async save(): Promise<void> {
    await submitForm({
      root: this.element,
      button: this.saveBtn,
      collect: () => ({ value: this.collect() }),
      send: (fw) => this.host.save(fw),
      // A problem naming no field is about the framework as a whole.
      show: (errors, message) => this.showErrors(errors.length || !message ? errors : [{ field: "framework", message }]),
      saved: (saved) => {
        this.load(saved);
        this.saveBtn.focus(); // the field that had the keyboard was redrawn
        this.host.saved(saved);
      },
      report: (err) => this.host.report(err),
    });
  }
}
