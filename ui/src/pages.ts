// The pages beside the credential list and what they share with it: the shell built from
// the page registry, the shared as-of date and dashboard (whose assessments also give the
// list its status badges), the renew dialog and "Why this status?".

import type { Assessment, Credential, Dashboard, Freshness } from "./bindings";
import * as backend from "./backend";
import type { CoveragePage } from "./coverage-page";
import type { RecordFormView } from "./form";
import { attempt } from "./kit-async";
import { PageShell } from "./kit-page";
import type { KindLabels } from "./format";
import { PAGES, type AppPage, type PageName } from "./page-registry";
import type { PageContext } from "./page-parts";
import { RenewDialog, type RenewTarget } from "./renew";
import { SharedState } from "./shared-state";
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
  /** The whole database was replaced: the list, its filters and every page reload. */
  reloadAll(): Promise<void>;
  /** The record form open over the window, if any. */
  recordForm(): RecordFormView | null;
}

export class Pages {
  readonly shell: PageShell<PageContext, AppPage>;
  readonly shared = new SharedState(backend.dashboard);
  renewDialog: RenewDialog | null = null;
  private readonly host: PagesHost;
  private readonly why: WhyStatus;

  constructor(host: PagesHost, labels: KindLabels) {
    this.host = host;
    this.why = new WhyStatus(backend.explain, (err) => host.report(err));
    const ctx: PageContext = {
      toaster: host.toaster,
      report: (err) => host.report(err),
      changed: () => void this.shared.reloadDashboard(),
      shared: this.shared,
      labels,
      credentials: host.credentialsPage,
      renew: (id) => void this.renewItem(id),
      logActivity: (skills) => host.logActivity(skills),
      openCredential: (id) => host.openCredential(id),
      reloadAll: () => host.reloadAll(),
      recordForm: () => host.recordForm(),
    };
    this.shell = new PageShell(PAGES, ctx);
    // After the dashboard page drew it: explanations were for the old verdicts.
    this.shared.dashboard.subscribe(({ error }) => {
      if (error) return;
      this.why.forget();
      host.statusesChanged();
    });
    this.show("credentials");
  }

  get current(): PageName {
    return this.shell.current ?? "credentials";
  }

  /** The latest dashboard (null before the first answer). */
  get dash(): Dashboard | null {
    return this.shared.latest;
  }

  get coverage(): CoveragePage {
    return this.shell.page("coverage");
  }

  /** Switches page (its `show` reloads what it edits); with `focus`, the keyboard goes to its heading. */
  show(page: PageName, focus = false): void {
    this.shell.show(page, focus);
  }

  /** After a change to the records: the dashboard, and what the page showing derives from them. */
  async refreshData(): Promise<void> {
    await Promise.all([this.shared.reloadDashboard(), this.shell.recordsChanged()]);
  }

  /** Back from a dialog or the form to the page showing: the keyboard goes to it. */
  focusCurrent(): void {
    this.shell.focusCurrent();
  }

  assessment(id: number): Assessment | undefined {
    return this.dash?.assessments.find((a) => a.id === id);
  }

  /** "Why this status?" for a record, as of the date the dashboard's verdicts are for. */
  whySection(c: Credential): HTMLElement {
    return this.why.section(c, this.dash?.as_of ?? this.shared.asOf.value);
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
