import { describe, expect, it, vi } from "vitest";
import type { Dashboard } from "./bindings";
import { SharedState, type DashboardAnswer } from "./shared-state";
import { dashboardOf, deferred, settle } from "./test-support";

describe("SharedState (as-of date and dashboard)", () => {
  it("asks for the dashboard once per as-of change, for that date", async () => {
    const load = vi.fn(async (asOf: string | null) => dashboardOf({ as_of: asOf ?? "2025-06-01" }));
    const shared = new SharedState(load);
    const answers: DashboardAnswer[] = [];
    shared.dashboard.subscribe((a) => answers.push(a));
    shared.asOf.set("2026-01-01");
    shared.asOf.set("2026-01-01");
    await settle();
    shared.asOf.set(null);
    await settle();
    expect(load.mock.calls, "one request per new date, none for the same date again").toEqual([["2026-01-01"], [null]]);
    expect(answers.map((a) => a.dashboard?.as_of), "each answer reaches the subscribers").toEqual(["2026-01-01", "2025-06-01"]);
  });

  it("drops a dashboard answer that arrives after the answer to a newer date", async () => {
    const slow = deferred<Dashboard>();
    const load = vi.fn((asOf: string | null) => (asOf === "2020-01-01" ? slow.promise : Promise.resolve(dashboardOf({ as_of: "2026-01-01" }))));
    const shared = new SharedState(load);
    const told = vi.fn();
    shared.dashboard.subscribe(told);
    shared.asOf.set("2020-01-01");
    shared.asOf.set("2026-01-01");
    await settle();
    slow.resolve(dashboardOf({ as_of: "2020-01-01" }));
    await settle();
    expect(told, "only the newer date's answer is told").toHaveBeenCalledOnce();
    expect(shared.latest?.as_of, "and kept").toBe("2026-01-01");
  });

  it("keeps the last dashboard when a request fails, with the failure beside it", async () => {
    let fail = false;
    const shared = new SharedState(async () => {
      if (fail) throw { kind: "validation", message: "bad date", fields: [{ field: "as_of", message: "'2026-13-01' is not a date" }] };
      return dashboardOf();
    });
    await shared.reloadDashboard();
    fail = true;
    shared.asOf.set("2026-13-01");
    await settle();
    expect(shared.dashboard.value.error?.fields, "the failure names its field").toEqual([{ field: "as_of", message: "'2026-13-01' is not a date" }]);
    expect(shared.latest, "the badges keep their last answer").not.toBeNull();
  });
});
