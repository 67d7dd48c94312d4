// The Coverage page: how much of a skill framework the portfolio covers (earned) and how much
// of that is still current, as Rust's radar chart with the domains beside it or as a table;
// one domain's skills and the records behind them; the skill names no framework skill claims;
// the learning plan; and the framework itself (switch, edit, import, export).

import type { CoverageView, FrameworkInfo } from "./bindings";
import * as backend from "./backend";
import { importSvg } from "./chart-svg";
import { coverageTable, domainDetail, domainList, planList, type CoverageHandlers } from "./coverage-parts";
import { h, replaceChildren } from "./dom";
import { ErrorSlot } from "./form-parts";
import { plural } from "./format";
import { FrameworkSection } from "./framework-section";
import { Latest, succeeds } from "./kit-async";
import type { Page, PageFrame } from "./kit-page";
import { redraw } from "./kit-state";
import { asOfField, asOfGroup, followAsOf, type AsOfBox, type PageContext } from "./page-parts";

type View = "chart" | "table";

export class CoveragePage implements Page {
  readonly element: HTMLElement;
  readonly head: readonly HTMLElement[];
  readonly frameworkSelect: HTMLSelectElement;
  readonly asOf: AsOfBox;
  readonly frameworks: FrameworkSection;
  private readonly viewButtons: Map<View, HTMLButtonElement>;
  private readonly heading: HTMLElement;
  private readonly main: HTMLElement;
  private readonly planBody: HTMLElement;
  private readonly unmapped: HTMLElement;
  private readonly handlers: CoverageHandlers;
  private view: View = "chart";
  private domainId: string | null = null;
  private data: CoverageView | null = null;
  private chart: Element | null = null;
  private active: FrameworkInfo | null = null;
  private readonly latest = new Latest();

  constructor(private readonly host: PageContext, frame: PageFrame) {
    this.handlers = {
      drill: (id) => this.drill(id),
      openRecord: (id) => host.openCredential(id),
      renew: (id) => host.renew(id),
      logActivity: (skill) => host.logActivity([skill]),
    };
    this.frameworkSelect = h("select", { id: "cov-framework", "data-testid": "framework-select" });
    this.frameworkSelect.addEventListener("change", () => void this.switchFramework(this.frameworkSelect.value));
    this.asOf = asOfField("cov-as-of", "coverage-as-of", (value) => host.shared.asOf.set(value));
    // A date set here or on another page: shown at once if this page is showing, else on arrival.
    followAsOf(host.shared.asOf, this.asOf, () => {
      if (frame.showing()) void this.refresh();
    });
    this.viewButtons = new Map(
      (["chart", "table"] as const).map((v) => {
        const btn = h("button", { type: "button", class: "seg-btn", "data-testid": `view-${v}`, "aria-pressed": v === this.view ? "true" : "false" }, v === "chart" ? "Chart" : "Table");
        btn.addEventListener("click", () => this.setView(v));
        return [v, btn] as const;
      }),
    );
    this.heading = h("p", { class: "muted cov-as-of-line", "data-testid": "coverage-as-of-line" });
    this.main = h("div", { class: "cov-main" });
    this.planBody = h("div", { class: "plan-body" });
    this.unmapped = h("section", { class: "card cov-unmapped", "data-testid": "unmapped", "aria-labelledby": "unmapped-title", hidden: true });
    this.frameworks = new FrameworkSection({ ...host, reload: () => void this.refresh() });
    this.head = [
      h("label", { class: "tool cov-picker" }, h("span", {}, "Framework"), this.frameworkSelect),
      h("div", { class: "segmented", role: "group", "aria-label": "Show coverage as" }, [...this.viewButtons.values()]),
      asOfGroup(this.asOf),
    ];
    this.element = h(
      "div",
      { class: "page-body" },
      h("section", { class: "card cov-card", "aria-labelledby": "cov-card-title" }, h("div", { class: "cov-card-head" }, h("h3", { id: "cov-card-title" }, "Skills coverage"), this.heading), this.main),
      h(
        "div",
        { class: "cov-columns" },
        h(
          "section",
          { class: "dash-section cov-plan", "aria-labelledby": "plan-title" },
          h("h3", { id: "plan-title" }, "Learning plan"),
          h("p", { class: "hint plan-intro" }, "Most valuable first: the skills whose training has gone most out of date, weighted by how much they count."),
          this.planBody,
        ),
        h("div", { class: "cov-side" }, this.unmapped, this.frameworks.element),
      ),
      this.frameworks.editorSlot,
    );
  }

  show(): void {
    void this.refresh();
  }

  recordsChanged(): Promise<void> {
    return this.refresh();
  }

  /** Reloads coverage and the framework list; answers to superseded requests are dropped. */
  async refresh(): Promise<void> {
    await this.latest.run(
      () => Promise.all([backend.coverageView(this.host.shared.asOf.value), backend.frameworks()]),
      ([view, fws]) => this.render(view, fws),
      (err) => this.showError(backend.toBackendError("coverage_view", err)),
    );
  }

  render(v: CoverageView, fws: readonly FrameworkInfo[]): void {
    this.data = v;
    this.chart = importSvg(v.chart_svg);
    this.active = fws.find((f) => f.active) ?? null;
    this.asOf.slot.show([]);
    replaceChildren(
      this.frameworkSelect,
      fws.map((f) => h("option", { value: f.id }, `${f.name} (${plural(f.skills, "skill")})`)),
    );
    this.frameworkSelect.value = this.active?.id ?? "";
    this.heading.textContent = `${v.coverage.framework}, as of ${v.coverage.as_of}`;
    this.renderMain();
    this.renderUnmapped();
    replaceChildren(this.planBody, planList(v.plan, this.handlers));
    this.frameworks.update(this.active);
  }

  private renderMain(): void {
    const cov = this.data?.coverage;
    if (!cov) return;
    if (!cov.domains.length) {
      replaceChildren(this.main, h("p", { class: "muted", "data-testid": "coverage-empty" }, `${cov.framework} has no domains yet. Add some under Framework below.`));
      return;
    }
    if (this.view === "table") {
      replaceChildren(this.main, h("div", { class: "table-wrap" }, coverageTable(cov)));
      return;
    }
    const domain = cov.domains.find((d) => d.id === this.domainId);
    if (!domain) this.domainId = null;
    const chart = h(
      "figure",
      { class: "coverage-chart", "data-testid": "coverage-chart" },
      this.chart ?? h("p", { class: "error", "data-testid": "chart-error" }, "The chart could not be drawn; the numbers are in the list and the table."),
    );
    // Redraws come after every change; skill record lists the person opened stay open.
    redraw(this.main, () => replaceChildren(this.main, h("div", { class: "cov-chart-layout" }, chart, domain ? domainDetail(domain, this.handlers) : domainList(cov, this.handlers))));
  }

  /** Opens a domain's skills (or, with null, goes back), keeping the keyboard where it was. */
  drill(id: string | null): void {
    const from = this.domainId;
    this.domainId = id;
    this.renderMain();
    if (id !== null) this.main.querySelector<HTMLElement>("#cov-detail-title")?.focus();
    else if (from !== null) [...this.main.querySelectorAll<HTMLElement>('[data-testid="coverage-domain"]')].find((b) => b.dataset.id === from)?.focus();
  }

  setView(v: View): void {
    this.view = v;
    for (const [name, btn] of this.viewButtons) btn.setAttribute("aria-pressed", name === v ? "true" : "false");
    this.renderMain();
  }

  private renderUnmapped(): void {
    const cov = this.data?.coverage;
    const names = cov?.unmapped ?? [];
    this.unmapped.hidden = names.length === 0;
    if (!cov || !names.length) return replaceChildren(this.unmapped);
    replaceChildren(
      this.unmapped,
      h("h3", { id: "unmapped-title" }, "Skills this framework does not know ", h("span", { class: "count" }, String(names.length))),
      h("p", { class: "muted" }, `These skill names on your records match no skill of ${cov.framework}, so they count nowhere. Map each one to the skill it means.`),
      h("ul", { class: "unmapped-list" }, names.map((n, i) => this.unmappedRow(n, i))),
    );
  }

  private unmappedRow(name: string, i: number): HTMLElement {
    const cov = this.data?.coverage;
    const select = h(
      "select",
      { "data-testid": "unmapped-target", "aria-label": `Framework skill for ${name}` },
      h("option", { value: "" }, "Choose a skill…"),
      (cov?.domains ?? []).map((d) => h("optgroup", { label: d.name }, d.skills.map((s) => h("option", { value: s.id }, s.name)))),
    );
    const map = h("button", { type: "button", class: "btn btn-small", "data-testid": "map-skill", disabled: true }, "Map");
    select.addEventListener("change", () => (map.disabled = select.value === ""));
    const slot = new ErrorSlot(`unmapped-${i}-msg`);
    slot.bind("skill", select);
    map.addEventListener("click", () => void this.mapSkill(name, select, slot, map));
    return h(
      "li",
      { "data-testid": "unmapped-skill", "data-name": name },
      h("span", { class: "chip unmapped-name", title: name }, name),
      h("div", { class: "unmapped-map" }, h("span", { class: "muted" }, "counts as"), select, map),
      slot.element,
    );
  }

  async mapSkill(name: string, select: HTMLSelectElement, slot: ErrorSlot, btn: HTMLButtonElement): Promise<void> {
    const framework = this.active?.id;
    if (!framework || !select.value) return;
    const skill = select.selectedOptions[0]?.textContent ?? select.value;
    // Rust names its own field; under this row there is only the one place for it.
    const failed = (err: unknown): void => {
      const e = backend.toBackendError("set_alias", err);
      if (e.kind === "validation") slot.show(e.fields.length ? e.fields.map((f) => ({ field: "skill", message: f.message })) : [{ field: "skill", message: e.message }]);
      else this.host.report(e);
    };
    if (!(await succeeds(failed, () => backend.setAlias(framework, name, select.value), { busy: btn }))) return;
    btn.disabled = true;
    this.host.toaster.show(`'${name}' now counts as ${skill}.`);
    await this.refresh();
  }

  async switchFramework(id: string): Promise<void> {
    if (!id || id === this.active?.id) return;
    if (!(await succeeds(this.host.report, () => backend.useFramework(id)))) {
      this.frameworkSelect.value = this.active?.id ?? "";
      return;
    }
    this.domainId = null;
    await this.refresh();
  }

  /** A bad as-of date goes under its box; any other failure replaces the coverage with the message. */
  showError(err: backend.BackendError): void {
    const asOf = err.fields.filter((f) => f.field === "as_of");
    if (err.kind === "validation" && asOf.length) {
      this.asOf.slot.show(asOf);
      return;
    }
    replaceChildren(this.main, h("p", { class: "error", role: "alert", "data-testid": "coverage-error" }, err.message));
  }
}
