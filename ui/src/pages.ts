// The pages beside the credential list and what they share with it: the dashboard (whose
// assessments also give the list its status badges), the renew dialog, and navigation.

import type { Assessment, Credential, Dashboard, Freshness } from "./bindings";
import * as backend from "./backend";
import { CoveragePage } from "./coverage-page";
import { h } from "./dom";
import { attempt, Latest } from "./kit-async";
import { DashboardView } from "./dashboard";
import { ExportPage } from "./export-page";
import { FieldChangesView } from "./field-changes-page";
import type { KindLabels } from "./format";
import { Nav, type PageName } from "./nav";
import type { PageHost } from "./page-parts";
import { RenewDialog, type RenewTarget } from "./renew";
import { RequirementsView } from "./requirements-page";
import { SettingsView } from "./settings-page";
import { SkillsView } from "./skills-page";
import type { Toaster } from "./toast";
import { WhyStatus } from "./why-status";

export interface PagesHost {
  readonly toaster: Toaster;
  report(err: unknown): void;
  /** The credential list page, built by the app. */
  readonly credentialsPage: HTMLElement;
  /** New statuses arrived: redraw the list's badges and the open detail. */
  statusesChanged(): void;
  /** A record changed (renewed): reload the list and everything derived from it. */
  recordChanged(c: Credential): Promise<void>;
  /** Open the new-credential form prefilled as a CE activity covering these skills. */
  logActivity(skills: string[]): void;
  /** Show a credential's detail on the Credentials page. */
  openCredential(id: number): void;
}

export class Pages {
  readonly nav: Nav;
  readonly element: HTMLElement;
  readonly dashboard: DashboardView;
  readonly coverage: CoveragePage;
  readonly skills: SkillsView;
  readonly changes: FieldChangesView;
  readonly requirements: RequirementsView;
  readonly exportPage: ExportPage;
  readonly settings: SettingsView;
  current: PageName = "credentials";
  dash: Dashboard | null = null;
  renewDialog: RenewDialog | null = null;
  private asOf: string | null = null;
  private readonly dashRequests = new Latest();
  private readonly host: PagesHost;
  private readonly els: Map<PageName, HTMLElement>;
  private readonly why: WhyStatus;

  constructor(host: PagesHost, labels: KindLabels) {
    this.host = host;
    this.why = new WhyStatus(backend.explain, (err) => host.report(err));
    const pageHost: PageHost = {
      toaster: host.toaster,
      report: (err) => host.report(err),
      changed: () => void this.refreshDashboard(),
    };
    this.dashboard = new DashboardView({
      asOf: (value) => {
        this.asOf = value;
        void this.refreshDashboard();
      },
      act: (item) => (item.action === "renew" && !item.is_cycle ? void this.renewItem(item.id) : host.logActivity(item.skills)),
      open: (item) => host.openCredential(item.id),
    });
    this.coverage = new CoveragePage({
      ...pageHost,
      renew: (id) => void this.renewItem(id),
      logActivity: (skills) => host.logActivity(skills),
      openCredential: (id) => host.openCredential(id),
    });
    this.skills = new SkillsView(pageHost);
    this.changes = new FieldChangesView(pageHost);
    this.requirements = new RequirementsView(pageHost, labels);
    this.exportPage = new ExportPage(pageHost);
    this.settings = new SettingsView(pageHost);
    this.els = new Map<PageName, HTMLElement>([
      ["dashboard", this.dashboard.element],
      ["coverage", this.coverage.element],
      ["credentials", host.credentialsPage],
      ["skills", this.skills.element],
      ["field-changes", this.changes.element],
      ["requirements", this.requirements.element],
      ["export", this.exportPage.element],
      ["settings", this.settings.element],
    ]);
    this.nav = new Nav((page) => this.show(page, true));
    this.element = h("div", { class: "pages" }, [...this.els.values()]);
    this.show("credentials");
  }

  /** Switches page; the editing pages reload their data each time they are shown. */
  show(page: PageName, focus = false): void {
    this.current = page;
    for (const [name, el] of this.els) el.hidden = name !== page;
    this.nav.set(page);
    if (page === "coverage") void this.coverage.refresh();
    else if (page === "skills") void this.skills.refresh();
    else if (page === "field-changes") void this.changes.refresh();
    else if (page === "requirements") void this.requirements.refresh();
    else if (page === "export") void this.exportPage.refresh();
    else if (page === "settings") void this.settings.refresh();
    if (focus && page !== "credentials") this.els.get(page)?.focus();
  }

  /** After a change to the records: the dashboard, and the coverage or report preview when showing. */
  async refreshData(): Promise<void> {
    const showing = this.current === "coverage" ? this.coverage.refresh() : this.current === "export" ? this.exportPage.refresh(false) : null;
    await Promise.all([this.refreshDashboard(), showing]);
  }

  /** Back from a dialog or the form to the page showing: the keyboard goes to it. */
  focusCurrent(): void {
    this.els.get(this.current)?.focus();
  }

  /** Reloads the dashboard; answers to superseded requests are dropped. */
  async refreshDashboard(): Promise<void> {
    await this.dashRequests.run(
      () => backend.dashboard(this.asOf),
      (d) => {
        this.dash = d;
        this.dashboard.render(d);
        this.why.forget();
        this.host.statusesChanged();
      },
      (err) => this.dashboard.showError(backend.toBackendError("dashboard", err)),
    );
  }

  assessment(id: number): Assessment | undefined {
    return this.dash?.assessments.find((a) => a.id === id);
  }

  /** "Why this status?" for a record, as of the date the dashboard's verdicts are for. */
  whySection(c: Credential): HTMLElement {
    return this.why.section(c, this.dash?.as_of ?? this.asOf);
  }

  statuses(): Map<number, Freshness> {
    return new Map((this.dash?.assessments ?? []).map((a) => [a.id, a.status]));
  }

  /** The renew dialog for the credential behind a dashboard item. */
  async renewItem(id: number): Promise<void> {
    const c = await attempt(this.host.report, () => backend.getCredential(id));
    if (c) this.openRenew(c);
  }

  openRenew(c: RenewTarget): void {
    if (this.renewDialog) return;
    this.renewDialog = new RenewDialog(
      {
        renew: backend.renewCredential,
        renewed: (updated) => {
          this.host.toaster.show(`Renewed '${updated.title}'${updated.expires ? `; it now expires ${updated.expires}` : ""}.`);
          void this.host.recordChanged(updated);
        },
        closed: () => (this.renewDialog = null),
        report: (err) => this.host.report(err),
      },
      { id: c.id, title: c.title, completed: c.completed, expires: c.expires },
    );
    this.renewDialog.mount(document.body);
  }

  /** Skills the saved record carries that age at the default half-life: say so, with a way there. */
  async halfLifeNotice(c: Credential): Promise<void> {
    if (!c.skills.length) return;
    const names = await attempt(this.host.report, () => backend.skillsWithoutHalfLife(c.skills.map((s) => s.name)));
    if (!names?.length) return;
    const quoted = names.map((n) => `'${n}'`).join(", ");
    this.host.toaster.show(`${quoted} ${names.length === 1 ? "ages" : "age"} at the default half-life. Set it on the Skills page.`, {
      timeout: 10000,
      action: { label: "Open Skills", testid: "open-skills", run: () => this.show("skills", true) },
    });
  }
}
