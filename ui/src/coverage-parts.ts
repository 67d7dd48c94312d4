// The pieces of the Coverage page: the domain list beside Rust's chart, one domain's skills
// with the records behind them, the same numbers as a table, the learning plan and the skill
// names no framework skill claims. Every share and every ranking is Rust's; shares are only
// written as whole percentages here.

import type { Coverage, DomainCoverage, PlanItem, SkillCoverage } from "./bindings";
import { h } from "./dom";
import { percentText, plural, yearsText } from "./format";

export interface CoverageHandlers {
  /** Show one domain's skills; null goes back to the domains. */
  drill(domainId: string | null): void;
  /** Show a record in the Credentials page's detail panel. */
  openRecord(id: number): void;
  /** The renew dialog for the credential a plan item names. */
  renew(credentialId: number): void;
  /** A new CE activity prefilled with this skill. */
  logActivity(skill: string): void;
}

/** "96%" with a testid, so tests and the end-to-end run read the figure as shown. */
function figure(share: number, testid: string): HTMLElement {
  return h("span", { class: "cov-num", "data-testid": testid }, percentText(share));
}

/** One labelled bar: the word, the bar (announced with its value) and the value as text. */
function bar(kind: "earned" | "current", share: number, subject: string): HTMLElement {
  const word = kind === "earned" ? "Earned" : "Current";
  return h(
    "div",
    { class: `cov-bar-row cov-${kind}` },
    h("span", { class: "cov-bar-word" }, word),
    h("progress", { class: "cov-bar", max: 1, value: Math.min(1, Math.max(0, share)), "aria-label": `${word}, ${subject}: ${percentText(share)}` }),
    figure(share, `cov-${kind}`),
  );
}

function bars(item: { earned: number; current: number }, subject: string): HTMLElement {
  return h("div", { class: "cov-bars" }, bar("earned", item.earned, subject), bar("current", item.current, subject));
}

/** The legend beside the chart: each domain a button that opens its skills. */
export function domainList(cov: Coverage, handlers: CoverageHandlers): HTMLElement {
  return h(
    "ul",
    { class: "cov-domains", "aria-label": "Domains" },
    cov.domains.map((d) => {
      const btn = h(
        "button",
        { type: "button", class: "cov-domain", "data-testid": "coverage-domain", "data-id": d.id, title: `Show the skills of ${d.name}` },
        h("span", { class: "cov-domain-head" }, h("span", { class: "cov-domain-name" }, d.name), h("span", { class: "cov-chevron", "aria-hidden": "true" }, "›")),
        bars(d, d.name),
      );
      btn.addEventListener("click", () => handlers.drill(d.id));
      return h("li", {}, btn);
    }),
  );
}

function recordsOf(s: SkillCoverage, handlers: CoverageHandlers): HTMLElement {
  if (!s.records.length) return h("p", { class: "hint", "data-testid": "no-records" }, "No records cover this skill yet.");
  const list = h(
    "ul",
    { class: "cov-records" },
    s.records.map((r) => {
      const link = h("button", { type: "button", class: "link", "data-testid": "open-record", title: "Show in Credentials" }, r.title);
      link.addEventListener("click", () => handlers.openRecord(r.id));
      return h(
        "li",
        { "data-testid": "coverage-record", "data-id": r.id },
        link,
        h("span", { class: "hint cov-share" }, "earned ", figure(r.earned, "share-earned"), " · current ", figure(r.current, "share-current")),
      );
    }),
  );
  return h("details", { class: "cov-skill-records", "data-testid": "skill-records" }, h("summary", {}, `${plural(s.records.length, "record")} behind it`), list);
}

/** One domain's skills, each with its two bars and, on request, the records behind it. */
export function domainDetail(d: DomainCoverage, handlers: CoverageHandlers): HTMLElement {
  const back = h("button", { type: "button", class: "btn btn-small", "data-testid": "domain-back" }, "‹ All domains");
  back.addEventListener("click", () => handlers.drill(null));
  return h(
    "section",
    { class: "cov-detail", "data-testid": "domain-detail", "data-id": d.id, "aria-labelledby": "cov-detail-title" },
    h(
      "header",
      { class: "cov-detail-head" },
      back,
      h("h3", { id: "cov-detail-title", tabindex: -1 }, d.name),
      h("span", { class: "muted cov-detail-figures" }, figure(d.earned, "cov-earned"), " earned · ", figure(d.current, "cov-current"), " current"),
    ),
    h(
      "ul",
      { class: "cov-skills" },
      d.skills.map((s) =>
        h(
          "li",
          { class: "cov-skill", "data-testid": "coverage-skill", "data-id": s.id },
          h("div", { class: "cov-skill-head" }, h("span", { class: "cov-skill-name" }, s.name), h("span", { class: "hint", "data-testid": "half-life" }, `half-life ${yearsText(s.half_life_years)}`)),
          bars(s, s.name),
          recordsOf(s, handlers),
        ),
      ),
    ),
  );
}

/** The same numbers as the chart and the domain list, as a table grouped by domain. */
export function coverageTable(cov: Coverage): HTMLElement {
  const cells = (x: { earned: number; current: number }) => [
    h("td", { class: "num" }, figure(x.earned, "cov-earned")),
    h("td", { class: "num" }, figure(x.current, "cov-current")),
  ];
  return h(
    "table",
    { class: "data-table cov-table", "data-testid": "coverage-table" },
    // The card's heading says the same on screen; the caption names the table for screen readers.
    h("caption", { class: "sr-only" }, `Skills coverage against ${cov.framework}, as of ${cov.as_of}`),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col" }, "Domain and skill"), h("th", { scope: "col", class: "num" }, "Earned"), h("th", { scope: "col", class: "num" }, "Current"), h("th", { scope: "col", class: "num" }, "Records")),
    ),
    cov.domains.map((d) =>
      h(
        "tbody",
        {},
        h("tr", { class: "cov-group", "data-testid": "coverage-table-domain", "data-id": d.id }, h("th", { scope: "rowgroup" }, d.name), cells(d), h("td", {})),
        d.skills.map((s) =>
          h(
            "tr",
            { "data-testid": "coverage-table-skill", "data-id": s.id },
            h("th", { scope: "row", class: "cov-indent" }, s.name),
            cells(s),
            h("td", { class: "num", "data-testid": "cov-records" }, String(s.records.length)),
          ),
        ),
      ),
    ),
  );
}

/** The learning plan in Rust's order, each item with the one action that would help most. */
export function planList(plan: readonly PlanItem[], handlers: CoverageHandlers): HTMLElement {
  if (!plan.length) return h("p", { class: "all-current", "data-testid": "plan-empty" }, "Nothing to plan: every skill is covered and current.");
  return h(
    "ol",
    { class: "plan", "data-testid": "plan" },
    plan.map((p) => {
      const renew = p.renew;
      const action = h(
        "button",
        { type: "button", class: "btn btn-small", "data-testid": "plan-action", "data-action": renew === null ? "log-activity" : "renew" },
        renew === null ? "Log activity" : "Renew…",
      );
      action.addEventListener("click", () => (renew === null ? handlers.logActivity(p.skill) : handlers.renew(renew)));
      return h(
        "li",
        { class: "plan-item", "data-testid": "plan-item", "data-skill": p.skill_id },
        h(
          "div",
          { class: "plan-main" },
          h(
            "div",
            { class: "plan-head" },
            // Rust's label names the domain only when it differs from the skill.
            h("span", { class: "plan-skill", "data-testid": "plan-label" }, p.label),
            h("span", { class: "plan-figures muted" }, "earned ", figure(p.earned, "cov-earned"), " · current ", figure(p.current, "cov-current")),
          ),
          h("p", { class: "plan-suggestion", "data-testid": "plan-suggestion" }, p.suggestion),
        ),
        action,
      );
    }),
  );
}
