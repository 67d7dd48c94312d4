// What several pages show at once: the as-of date (the dashboard, coverage and export pages
// judge the same day, so a date typed on one is the date the others show next) and the
// dashboard for that date, whose assessments also give the list its badges and the detail
// panel its status. Both are States, so each page subscribes instead of being told by hand.

import type { Dashboard } from "./bindings";
import { toBackendError, type BackendError } from "./backend";
import { Latest } from "./kit-async";
import { State } from "./kit-state";

/** The latest answer to `dashboard(asOf)`. */
export interface DashboardAnswer {
  /** The newest dashboard Rust gave; a later failure keeps it, so the badges do not vanish. */
  readonly dashboard: Dashboard | null;
  /** Why the latest request failed (a bad as-of date, a locked database); null when it answered. */
  readonly error: BackendError | null;
}

export class SharedState {
  /** The day statuses, coverage and the report are for, as typed; null is today. */
  readonly asOf = new State<string | null>(null);
  readonly dashboard = new State<DashboardAnswer>({ dashboard: null, error: null });
  private readonly requests = new Latest();

  constructor(private readonly load: (asOf: string | null) => Promise<Dashboard>) {
    // One reload per new date, however many pages show it.
    this.asOf.subscribe(() => void this.reloadDashboard());
  }

  /** The newest dashboard (null before the first answer). */
  get latest(): Dashboard | null {
    return this.dashboard.value.dashboard;
  }

  /** Asks for the dashboard again (after a write that can move statuses); older answers are dropped. */
  async reloadDashboard(): Promise<void> {
    await this.requests.run(
      () => this.load(this.asOf.value),
      (dashboard) => this.dashboard.set({ dashboard, error: null }),
      (err) => this.dashboard.set({ dashboard: this.latest, error: toBackendError("dashboard", err) }),
    );
  }
}
