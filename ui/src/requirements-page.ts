// The Requirements page: each CE requirement set with its rules in words, a form to add one,
// and removal with an Undo that adds the same set back.

import type { Credential, Requirement, RequirementDraft } from "./bindings";
import * as backend from "./backend";
import { h, icon, replaceChildren } from "./dom";
import { hoursText, KindLabels, plural } from "./format";
import { Latest } from "./kit-async";
import type { Page } from "./kit-page";
import { pageRemoval, Undo } from "./kit-undo";
import type { PageHost } from "./page-parts";
import { RequirementForm } from "./requirement-form";

/** The rules of a set as short sentences, in the order a board states them. */
export function ruleLines(r: Requirement, labels: KindLabels, credentialTitle: string | null): string[] {
  const lines = [`${hoursText(r.hours)} every ${plural(r.cycle_months, "month")}, this cycle ending ${r.ends}`];
  if (r.credit_type) lines.push(`Only ${r.credit_type} credit counts`);
  for (const t of r.topics) {
    const notes = [t.on_top ? "on top of the total" : "", t.first_cycle_only ? "first cycle only" : ""].filter(Boolean);
    lines.push(`At least ${hoursText(t.hours)} of ${t.skill}${notes.length ? ` (${notes.join(", ")})` : ""}`);
  }
  for (const c of r.caps) {
    const which = [c.kind ? labels.label(c.kind) : "", c.credit_type ? `${c.credit_type} credit` : "", c.skill ? `tagged ${c.skill}` : ""].filter(Boolean);
    lines.push(`At most ${hoursText(c.max_hours)} from ${c.label}${which.length ? ` (${which.join(", ")})` : ""}`);
  }
  for (const w of r.windows) lines.push(`${hoursText(w.hours)} in the last ${plural(w.months, "month")}`);
  if (r.first_cycle) lines.push("First cycle after licensure");
  if (r.credential !== null) lines.push(`Renews ${credentialTitle ?? `credential #${r.credential}`}`);
  return lines;
}

export class RequirementsView implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  private readonly host: PageHost;
  private readonly labels: KindLabels;
  private readonly listEl: HTMLElement;
  private readonly formWrap: HTMLElement;
  private readonly newBtn: HTMLButtonElement;
  private credentials: Credential[] = [];
  form: RequirementForm | null = null;
  private readonly latest = new Latest();
  private readonly undo: Undo;

  constructor(host: PageHost, labels: KindLabels) {
    this.host = host;
    this.undo = new Undo(host.toaster, host.report);
    this.labels = labels;
    this.listEl = h("div", { class: "req-list", "data-testid": "requirement-list" });
    this.formWrap = h("div", {});
    this.newBtn = h("button", { type: "button", class: "btn btn-primary", "data-testid": "new-requirement" }, icon("plus"), "New requirement set…");
    this.newBtn.addEventListener("click", () => this.openForm());
    this.head = [
      h("p", { class: "muted page-intro" }, "What each board asks per cycle. Progress on each cycle is on the Dashboard."),
      h("span", { class: "spacer" }),
      this.newBtn,
    ];
    this.element = h("div", { class: "page-body" }, this.formWrap, this.listEl);
  }

  show(): void {
    void this.refresh();
  }

  async refresh(): Promise<void> {
    await this.latest.run(
      () => Promise.all([backend.requirements(), backend.listCredentials({ search: null, kind: null, skill: null, sort: "title" })]),
      ([reqs, creds]) => {
        this.credentials = creds;
        this.render(reqs);
      },
      this.host.report,
    );
  }

  render(reqs: readonly Requirement[]): void {
    if (!reqs.length) {
      replaceChildren(this.listEl, h("p", { class: "muted", "data-testid": "requirements-empty" }, "No requirement sets yet."));
      return;
    }
    replaceChildren(this.listEl, reqs.map((r) => this.card(r)));
  }

  private card(r: Requirement): HTMLElement {
    const title = this.credentials.find((c) => c.id === r.credential)?.title ?? null;
    const remove = h("button", { type: "button", class: "btn btn-small btn-danger-quiet", "data-testid": "requirement-remove", "aria-label": `Remove ${r.name}` }, icon("trash"), "Remove");
    remove.addEventListener("click", () => void this.remove(r));
    return h(
      "article",
      { class: "card req-card", "data-testid": "requirement-card", "data-id": r.id },
      h("header", { class: "req-head" }, h("h3", {}, r.name), remove),
      h("ul", { class: "rules" }, ruleLines(r, this.labels, title).map((l) => h("li", {}, l))),
    );
  }

  openForm(): void {
    if (this.form) return this.form.focus();
    this.form = new RequirementForm(
      {
        add: backend.addRequirement,
        added: (req) => {
          this.closeForm();
          this.host.toaster.show(`Added the requirement set '${req.name}'.`);
          this.host.changed();
          void this.refresh();
        },
        cancel: () => this.closeForm(),
        report: (err) => this.host.report(err),
      },
      {
        kinds: this.labels.options.map((o) => [o.kind, o.label] as const),
        credentials: this.credentials.map((c) => [c.id, c.title] as const),
      },
    );
    this.formWrap.replaceChildren(this.form.element);
    this.newBtn.hidden = true;
    this.form.focus();
  }

  closeForm(): void {
    this.form = null;
    this.formWrap.replaceChildren();
    this.newBtn.hidden = false;
    this.newBtn.focus();
  }

  async remove(r: Requirement): Promise<void> {
    await this.undo.remove(
      pageRemoval(this.host, () => this.refresh(), this.newBtn, {
        remove: () => backend.removeRequirement(r.id),
        restore: (removed: RequirementDraft) => backend.addRequirement(removed),
        removedText: (removed) => `Removed the requirement set '${removed.name}'.`,
        restoredText: (removed) => `Restored '${removed.name}'.`,
      }),
    );
  }
}
