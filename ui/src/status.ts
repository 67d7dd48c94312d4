// Status words from Rust as small coloured badges. The word is the text (colour alone would
// not reach everyone); the colour comes from a class per status, themed in styles.css.

import type { CycleState, Freshness } from "./bindings";
import { h } from "./dom";
import { wordOf } from "./format";

/** Most urgent first: the order the counts are shown in. */
export const STATUSES: readonly Freshness[] = ["expired", "expiring", "stale", "ageing", "current"];

export function statusBadge(status: Freshness): HTMLElement {
  return h("span", { class: `badge badge-${status}`, "data-testid": "status-badge", "data-status": status }, status);
}

const STATE_TONE: Record<CycleState, Freshness> = {
  complete: "current",
  "on-track": "current",
  behind: "ageing",
  overdue: "expired",
};

export function stateBadge(state: CycleState): HTMLElement {
  return h(
    "span",
    { class: `badge badge-${STATE_TONE[state]}`, "data-testid": "cycle-state", "data-state": state },
    wordOf(state),
  );
}
