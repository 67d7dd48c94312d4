// The credential list's search box and filters (kind, skill, sort) and the ListQuery they
// make. Rust does the searching and sorting; this only keeps the query in step with the controls.

import type { CredentialKind, ListQuery, SortKey } from "./bindings";
import { debounce, h, replaceChildren } from "./dom";
import type { KindLabels } from "./format";
import { shortcut } from "./keys";

const SORTS: readonly [SortKey, string][] = [
  ["recent", "Recent"],
  ["title", "Title"],
  ["kind", "Kind"],
  ["expires", "Expires"],
  ["added", "Added"],
];
const SEARCH_DELAY_MS = 150;

export class Filters {
  readonly query: ListQuery = { search: null, kind: null, skill: null, sort: "recent" };
  readonly search: HTMLInputElement;
  readonly tools: HTMLElement[];
  private readonly kindSelect: HTMLSelectElement;
  private readonly skillSelect: HTMLSelectElement;
  private readonly sortSelect: HTMLSelectElement;
  private readonly searchSoon: ReturnType<typeof debounce<[]>>;

  /** `changed` runs when the query changes (typing is debounced); `typed` on every keystroke. */
  constructor(labels: KindLabels, changed: () => void, typed: () => void) {
    this.searchSoon = debounce(changed, SEARCH_DELAY_MS);
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
      typed();
    });
    this.kindSelect = h("select", { id: "filter-kind", "data-testid": "filter-kind" });
    this.kindSelect.addEventListener("change", () => {
      this.query.kind = (this.kindSelect.value || null) as CredentialKind | null;
      changed();
    });
    this.skillSelect = h("select", { id: "filter-skill", "data-testid": "filter-skill" });
    this.skillSelect.addEventListener("change", () => {
      this.query.skill = this.skillSelect.value || null;
      changed();
    });
    this.sortSelect = h("select", { id: "sort", "data-testid": "sort" }, SORTS.map(([k, l]) => h("option", { value: k }, l)));
    this.sortSelect.addEventListener("change", () => {
      this.query.sort = this.sortSelect.value as SortKey;
      changed();
    });
    replaceChildren(
      this.kindSelect,
      h("option", { value: "" }, "All kinds"),
      labels.options.map((o) => h("option", { value: o.kind }, o.label)),
    );
    this.tools = [
      h("label", { class: "tool" }, h("span", {}, "Kind"), this.kindSelect),
      h("label", { class: "tool" }, h("span", {}, "Skill"), this.skillSelect),
      h("label", { class: "tool" }, h("span", {}, "Sort"), this.sortSelect),
    ];
  }

  /** True when search, kind or skill narrows the list (decides empty vs. no-match). */
  get filtered(): boolean {
    return this.query.search !== null || this.query.kind !== null || this.query.skill !== null;
  }

  setSkills(names: readonly string[]): void {
    const current = this.query.skill;
    replaceChildren(this.skillSelect, h("option", { value: "" }, "All skills"), names.map((n) => h("option", { value: n }, n)));
    if (current !== null && !names.includes(current)) {
      // The skill has gone with its last record: keep the filter visible rather than silently drop it.
      this.skillSelect.append(h("option", { value: current }, current));
    }
    this.skillSelect.value = current ?? "";
  }

  /** Clears search, kind and skill (not the sort); the caller reloads. */
  clear(): void {
    this.search.value = "";
    this.query.search = this.query.kind = this.query.skill = null;
    this.kindSelect.value = this.skillSelect.value = "";
    this.searchSoon.cancel();
  }

  /** Clears only the search text; the caller reloads. */
  clearSearch(): void {
    this.search.value = "";
    this.query.search = null;
    this.searchSoon.cancel();
  }
}
