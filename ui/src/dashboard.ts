// The dashboard: status counts, what needs attention (in Rust's order, most urgent first)
// with a one-click way to act on each item, and the CE cycles. Figures and sentences are
// Rust's; this file arranges them.

import type { AttentionItem, Dashboard } from "./bindings";
import { BackendError } from "./backend";
import { h, replaceChildren } from "./dom";
import type { Page } from "./kit-page";
import { redraw } from "./kit-state";
import { asOfField, asOfGroup, followAsOf, type AsOfBox, type PageContext } from "./page-parts";
import { plural } from "./format";
import { cycleCard } from "./cycle";
import { STATUSES, statusBadge } from "./status";

export interface DashboardHandlers {
  /** The as-of date as typed; null for today. */
  asOf(value: string | null): void;
  /** The item's action button: renew the credential, or log an activity for it. */
  act(item: AttentionItem): void;
  /** Show the credential behind an item in the list. */
  open(item: AttentionItem): void;
}

const ACTION_LABEL = { renew: "Renew…", "log-activity": "Log activity" } as const;

export function attentionItem(item: AttentionItem, handlers: DashboardHandlers): HTMLElement {
  const action = h(
    "button",
    { type: "button", class: "btn btn-small", "data-testid": "attention-action", "data-action": item.action },
    ACTION_LABEL[item.action],
  );
  action.addEventListener("click", () => handlers.act(item));
  let title: HTMLElement;
  if (item.is_cycle) {
    title = h("span", { class: "attention-title", "data-testid": "attention-title" }, item.title);
  } else {
    title = h("button", { type: "button", class: "link attention-title", "data-testid": "attention-title", title: "Show in Credentials" }, item.title);
    title.addEventListener("click", () => handlers.open(item));
  }
  const covers =
    item.action === "log-activity" && item.skills.length
      ? h("div", { class: "chips attention-skills" }, h("span", { class: "hint" }, "Skills to cover:"), item.skills.map((s) => h("span", { class: "chip" }, s)))
      : null;
  return h(
    "li",
    {
      class: `attention-item status-${item.status}`,
      "data-testid": "attention-item",
      "data-status": item.status,
      "data-id": item.id,
      "data-cycle": item.is_cycle ? "true" : "false",
    },
    h(
      "div",
      { class: "attention-main" },
      h("div", { class: "attention-head" }, statusBadge(item.status), item.is_cycle ? h("span", { class: "eyebrow" }, "CE cycle") : null, title),
      h("ul", { class: "reasons" }, item.reasons.map((r) => h("li", { "data-testid": "reason", "data-kind": r.kind }, r.text))),
      covers,
    ),
    action,
  );
}

const COUNT_LABEL = { expired: "Expired", expiring: "Expiring", stale: "Stale", ageing: "Ageing", current: "Current" } as const;

export class DashboardView implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  readonly asOf: AsOfBox;
  private readonly handlers: DashboardHandlers;

  constructor(handlers: DashboardHandlers) {
    this.handlers = handlers;
    this.asOf = asOfField("as-of", "as-of", (value) => handlers.asOf(value));
    this.head = [asOfGroup(this.asOf)];
    this.element = h("div", { class: "dash-body" });
  }

  render(d: Dashboard): void {
    this.asOf.slot.show([]);
    const counts = h(
      "ul",
      { class: "counts", "aria-label": "Records by status" },
      STATUSES.map((s) =>
        h(
          "li",
          { class: `count-tile status-${s}`, "data-testid": `count-${s}` },
          h("span", { class: "count-num" }, String(d.counts[s])),
          h("span", { class: "count-word" }, COUNT_LABEL[s]),
        ),
      ),
    );
    const attention = d.attention.length
      ? h("ol", { class: "attention", "data-testid": "attention-list" }, d.attention.map((i) => attentionItem(i, this.handlers)))
      : h("p", { class: "all-current", "data-testid": "all-current" }, "All current: nothing needs attention.");
    const cycles = d.cycles.length
      ? h("div", { class: "cycles" }, d.cycles.map((p) => cycleCard(p)))
      : h("p", { class: "muted" }, "No CE requirement sets yet. Add one on the Requirements page to track a cycle.");
    // Redraws come after every change; a cycle's activity list the person opened stays open.
    redraw(this.element, () => replaceChildren(
      this.element,
      h("p", { class: "as-of-line muted", "data-testid": "dash-as-of" }, `Status as of ${d.as_of}`),
      counts,
      h(
        "div",
        { class: "dash-columns" },
        h(
          "section",
          { class: "dash-section", "aria-labelledby": "attention-title" },
          h("h3", { id: "attention-title" }, "Needs attention ", h("span", { class: "count" }, d.attention.length ? plural(d.attention.length, "item") : "")),
          attention,
        ),
        h("section", { class: "dash-section", "aria-labelledby": "cycles-title" }, h("h3", { id: "cycles-title" }, "CE cycles"), cycles),
      ),
    ));
  }

  /** A bad as-of date goes under its box; any other failure replaces the body with the message. */
  showError(err: BackendError): void {
    const asOf = err.fields.filter((f) => f.field === "as_of");
    if (err.kind === "validation" && asOf.length) {
      this.asOf.slot.show(asOf);
      return;
    }
    replaceChildren(this.element, h("p", { class: "error", role: "alert", "data-testid": "dashboard-error" }, err.message));
  }
}

/**
 * The dashboard as a page: its box sets the shared as-of date and follows it, and it shows
 * each new dashboard answer (the shared state asks Rust once per date, whoever set it).
 */
export function dashboardPage(ctx: PageContext): DashboardView {
  const view = new DashboardView({
    asOf: (value) => ctx.shared.asOf.set(value),
    act: (item) => (item.action === "renew" && !item.is_cycle ? ctx.renew(item.id) : ctx.logActivity(item.skills)),
    open: (item) => ctx.openCredential(item.id),
  });
  followAsOf(ctx.shared.asOf, view.asOf);
  ctx.shared.dashboard.subscribe(({ dashboard, error }) => {
    if (error) view.showError(error);
    else if (dashboard) view.render(dashboard);
  });
  return view;
}
