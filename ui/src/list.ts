// The credential table and its two empty states. Rows are built from Credential values as
// Rust returned them, already filtered and sorted.

import type { Credential, Freshness } from "./bindings";
import { h, icon, replaceChildren } from "./dom";
import { completionText, hoursAndCredit, hoursText, KindLabels, plural, relevanceText } from "./format";
import { statusBadge } from "./status";

export interface ListHandlers {
  open(id: number): void;
  loadDemo(): void;
  addFirst(): void;
  clearFilters(): void;
  /** The next page of records (shown while the last page came back full). */
  showMore?(): void;
}

export interface ListView {
  credentials: readonly Credential[];
  /** True when search, kind or skill narrows the list (decides empty vs. no-match). */
  filtered: boolean;
  selectedId: number | null;
  /** Before the first answer from Rust, show nothing rather than a misleading empty state. */
  loaded: boolean;
  /** Each record's status from the dashboard; a record missing here shows no badge yet. */
  statuses?: ReadonlyMap<number, Freshness>;
  /** The last page was full: offer "Show more". */
  more?: boolean;
}

/** The toolbar's count: "12 credentials", "3 matching"; "200+" while more pages may follow. */
export function countText(view: Pick<ListView, "credentials" | "filtered" | "loaded" | "more">): string {
  if (!view.loaded) return "";
  const n = view.credentials.length;
  if (view.more) return view.filtered ? `${n}+ matching` : `${n}+ credentials`;
  return view.filtered ? `${n} matching` : plural(n, "credential");
}

/** Without a first list there is nothing to show: say why and offer a retry, not a blank window. */
export function loadError(message: string, retry: () => void): HTMLElement {
  const btn = h("button", { type: "button", class: "btn", "data-testid": "retry" }, "Try again");
  btn.addEventListener("click", retry);
  return h(
    "section",
    { class: "empty", "data-testid": "load-error", role: "alert" },
    h("h2", {}, "Dossier could not read your portfolio"),
    h("p", {}, message),
    h("div", { class: "empty-actions" }, btn),
  );
}

const MAX_CHIPS = 3;

export function skillChips(c: Pick<Credential, "skills">, max = MAX_CHIPS): HTMLElement {
  const chips = h("div", { class: "chips" });
  for (const s of c.skills.slice(0, max)) {
    chips.append(
      h("span", { class: "chip", title: `${s.name} (relevance ${relevanceText(s.relevance)})` }, s.name),
    );
  }
  const more = c.skills.length - max;
  if (more > 0) {
    const rest = c.skills.slice(max).map((s) => s.name).join(", ");
    chips.append(h("span", { class: "chip chip-more", title: rest }, `+${more}`));
  }
  return chips;
}

export function credentialRow(c: Credential, labels: KindLabels, selected = false, status?: Freshness): HTMLTableRowElement {
  const inProgress = c.status === "in-progress";
  const evidence = c.evidence.length;
  const row = h(
    "tr",
    {
      class: `row${selected ? " selected" : ""}`,
      "data-testid": "credential-row",
      "data-id": c.id,
      tabindex: 0,
      "aria-selected": selected ? "true" : "false",
    },
    h(
      "td",
      { class: "col-title" },
      h(
        "div",
        { class: "title-line" },
        h("span", { class: "row-title", "data-testid": "row-title" }, c.title),
        c.verified && h("span", { class: "verified", title: "Verified" }, icon("check"), h("span", { class: "sr-only" }, "Verified")),
      ),
      h("div", { class: "row-issuer" }, c.issuer ?? ""),
    ),
    h("td", { class: "col-status" }, status ? statusBadge(status) : null),
    h("td", { class: "col-kind" }, labels.label(c.kind)),
    h(
      "td",
      { class: `col-date${inProgress ? " in-progress" : ""}`, "data-testid": "row-completed" },
      inProgress && c.completed
        ? // Two lines keep the column narrow; the text still reads "In progress, expected X".
          [h("span", { class: "line" }, "In progress,"), " ", h("span", { class: "line" }, `expected ${c.completed}`)]
        : completionText(c),
    ),
    h("td", { class: "col-date", "data-testid": "row-expires" }, c.expires ?? "—"),
    h(
      "td",
      { class: "col-hours", "data-testid": "row-hours" },
      c.hours !== null && c.credit_type
        ? [h("span", { class: "line" }, hoursText(c.hours)), " ", h("span", { class: "line credit" }, c.credit_type)]
        : hoursAndCredit(c),
    ),
    h("td", { class: "col-skills" }, skillChips(c)),
    h(
      "td",
      { class: "col-evidence", "data-testid": "row-evidence", title: plural(evidence, "evidence file") },
      evidence > 0 ? [icon("clip"), String(evidence)] : h("span", { class: "muted" }, "—"),
    ),
  );
  return row;
}

function emptyState(handlers: ListHandlers): HTMLElement {
  const demo = h("button", { type: "button", class: "btn", "data-testid": "load-demo" }, "Load demo portfolio");
  demo.addEventListener("click", () => handlers.loadDemo());
  const add = h("button", { type: "button", class: "btn btn-primary", "data-testid": "add-first" }, "Add your first credential");
  add.addEventListener("click", () => handlers.addFirst());
  return h(
    "section",
    { class: "empty", "data-testid": "empty-state", "aria-labelledby": "empty-heading" },
    h("h2", { id: "empty-heading" }, "Your portfolio is empty"),
    h(
      "p",
      {},
      "Dossier keeps your degrees, certifications, CE activities and their evidence in one place on this computer. ",
      "Nothing is uploaded: the records and the files you attach stay in your local library.",
    ),
    h("p", { class: "muted" }, "Try it with a sample healthcare-AI portfolio, or start with a credential of your own."),
    h("div", { class: "empty-actions" }, add, demo),
  );
}

function noMatch(handlers: ListHandlers): HTMLElement {
  const clear = h("button", { type: "button", class: "btn", "data-testid": "clear-filters" }, "Clear filters");
  clear.addEventListener("click", () => handlers.clearFilters());
  return h(
    "section",
    { class: "empty no-match", "data-testid": "no-match" },
    h("h2", {}, "No credentials match"),
    h("p", { class: "muted" }, "Nothing fits the current search and filters."),
    h("div", { class: "empty-actions" }, clear),
  );
}

function table(view: ListView, labels: KindLabels, handlers: ListHandlers): HTMLElement {
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("th", { scope: "col", class: "col-title" }, "Title"),
      h("th", { scope: "col", class: "col-status" }, "Status"),
      h("th", { scope: "col", class: "col-kind" }, "Kind"),
      h("th", { scope: "col", class: "col-date" }, "Completed"),
      h("th", { scope: "col", class: "col-date" }, "Expires"),
      h("th", { scope: "col", class: "col-hours" }, "Hours"),
      h("th", { scope: "col", class: "col-skills" }, "Skills"),
      h("th", { scope: "col", class: "col-evidence" }, h("span", { class: "sr-only" }, "Evidence"), icon("clip")),
    ),
  );
  const body = h("tbody", {});
  for (const c of view.credentials) body.append(credentialRow(c, labels, c.id === view.selectedId, view.statuses?.get(c.id)));
  body.addEventListener("click", (e) => {
    const row = (e.target as Element).closest<HTMLElement>("tr[data-id]");
    if (row) handlers.open(Number(row.dataset.id));
  });
  body.addEventListener("keydown", (e) => onRowKey(e, handlers));
  return h("table", { class: "cred-table" }, h("caption", { class: "sr-only" }, "Credentials"), head, body);
}

// Arrow keys walk the rows and Enter opens one, so the list works without a mouse.
function onRowKey(e: KeyboardEvent, handlers: ListHandlers): void {
  const row = (e.target as Element).closest<HTMLElement>("tr[data-id]");
  if (!row) return;
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    handlers.open(Number(row.dataset.id));
  } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    const next = e.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
    if (next instanceof HTMLElement) next.focus();
  }
}

/** Fills `container` with the table, the empty state, or the no-match state. */
export function renderList(container: HTMLElement, view: ListView, labels: KindLabels, handlers: ListHandlers): void {
  if (!view.loaded) {
    replaceChildren(container);
    return;
  }
  if (view.credentials.length === 0) {
    replaceChildren(container, view.filtered ? noMatch(handlers) : emptyState(handlers));
    return;
  }
  const more = h("button", { type: "button", class: "btn", "data-testid": "show-more" }, "Show more");
  more.addEventListener("click", () => handlers.showMore?.());
  replaceChildren(container, table(view, labels, handlers), view.more && handlers.showMore ? h("div", { class: "list-more" }, more) : null);
}
