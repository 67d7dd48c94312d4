// One CE cycle as a card: every figure (required, counted, remaining, days left, pace,
// expected by now, state) is Progress as Rust computed it; this only lays the numbers out.

import type { CountedActivity, PartProgress, Progress } from "./bindings";
import { h, type Child } from "./dom";
import { hoursText, numberText, plural } from "./format";
import { stateBadge } from "./status";

function fact(label: string, value: Child, testid: string): HTMLElement[] {
  return [h("dt", {}, label), h("dd", { "data-testid": testid }, value)];
}

function daysLeftText(days: number): string {
  return days < 0 ? `${plural(-days, "day")} overdue` : plural(days, "day");
}

type PartKind = "topic" | "window" | "cap";

function partRow(p: PartProgress, kind: PartKind): HTMLElement {
  // A cap's "required" is its maximum and "remaining" the room left under it.
  const tally = kind === "cap" ? `${hoursText(p.counted)} of at most ${hoursText(p.required)}` : `${hoursText(p.counted)} of ${hoursText(p.required)}`;
  const rest = kind === "cap" ? `${hoursText(p.remaining)} room left` : p.remaining > 0 ? `${hoursText(p.remaining)} to go` : "done";
  return h(
    "tr",
    { "data-testid": "cycle-part", "data-part": kind, class: p.remaining > 0 || kind === "cap" ? "" : "part-done" },
    h("th", { scope: "row" }, p.name),
    h("td", { class: "num" }, tally),
    h("td", { class: "num muted" }, rest),
  );
}

function partsTable(p: Progress): HTMLElement | null {
  const groups: [string, PartKind, PartProgress[]][] = [
    ["Topics", "topic", p.topics],
    ["Rolling windows", "window", p.windows],
    ["Caps", "cap", p.caps],
  ];
  const bodies = groups
    .filter(([, , parts]) => parts.length > 0)
    .map(([title, kind, parts]) =>
      h("tbody", {}, h("tr", { class: "part-group" }, h("th", { colspan: 3, scope: "rowgroup" }, title)), parts.map((x) => partRow(x, kind))),
    );
  return bodies.length ? h("table", { class: "parts" }, bodies) : null;
}

function activityItem(a: CountedActivity): HTMLElement {
  const counted = a.counted === a.hours ? hoursText(a.hours) : `${hoursText(a.counted)} of ${hoursText(a.hours)}`;
  return h(
    "li",
    { "data-testid": "counted-activity", "data-id": a.id },
    h("div", { class: "activity-line" }, h("span", { class: "activity-title" }, a.title), h("span", { class: "muted num nowrap" }, `${a.date} · ${counted}`)),
    a.notes.length ? h("ul", { class: "activity-notes" }, a.notes.map((n) => h("li", {}, n))) : null,
  );
}

export function cycleCard(p: Progress, expanded = false): HTMLElement {
  const tally = `${numberText(p.counted)} of ${numberText(p.required)} hours`;
  const progress = h("progress", {
    class: "cycle-bar",
    max: p.required > 0 ? p.required : 1,
    value: p.counted,
    "aria-valuemin": 0,
    "aria-valuemax": p.required,
    "aria-valuenow": p.counted,
    "aria-valuetext": tally,
    "aria-label": `${p.name}: hours counted`,
    "data-testid": "cycle-progress",
  });
  // Pace means hours a month only while the cycle runs; when overdue Rust puts all that is short in it.
  const running = p.state === "on-track" || p.state === "behind";
  const activities = h(
    "details",
    { class: "activities", "data-testid": "cycle-activities", open: expanded },
    h("summary", {}, `Activities counted (${p.activities.length})`),
    p.activities.length
      ? h("ul", { class: "activity-list" }, p.activities.map(activityItem))
      : h("p", { class: "muted" }, "No activity in this cycle counts yet."),
  );
  return h(
    "article",
    { class: `cycle-card state-${p.state}`, "data-testid": "cycle-card", "data-id": p.id, "data-state": p.state },
    h("header", { class: "cycle-head" }, h("h3", { "data-testid": "cycle-name" }, p.name), stateBadge(p.state)),
    h("div", { class: "cycle-dates muted" }, `${p.starts} – ${p.ends}`),
    h("div", { class: "cycle-tally" }, h("strong", { "data-testid": "cycle-counted" }, numberText(p.counted)), ` of ${numberText(p.required)} hours`),
    progress,
    h(
      "dl",
      { class: "cycle-facts" },
      fact("Remaining", hoursText(p.remaining), "cycle-remaining"),
      fact("Days left", daysLeftText(p.days_left), "cycle-days-left"),
      fact("Pace needed", running ? `${hoursText(p.pace_per_month)}/month` : "—", "cycle-pace"),
      fact("Expected by now", hoursText(p.expected_by_now), "cycle-expected"),
    ),
    partsTable(p),
    activities,
  );
}
