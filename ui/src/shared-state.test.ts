import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { Dashboard } from "./bindings";
import { SharedState, type DashboardAnswer } from "./shared-state";
import { app, appPerTest, byTestId, coverageViewOf, credential, dashboardOf, deferred, fake, frameworkOf, FRAMEWORKS, mountApp, settle } from "./test-support";

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

describe("one as-of date across the dashboard, coverage and export pages", () => {
  appPerTest(vi.mocked(invoke), () => [credential({ id: 1 })]);
  const box = (testid: string) => byTestId<HTMLInputElement>(testid);
  const commit = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    input.dispatchEvent(new Event("change")); // leaving the box after Enter commits the same date again
  };
  const count = (cmd: string) => fake.called(cmd).length;

  beforeEach(async () => {
    fake.handlers.coverage_view = () => coverageViewOf();
    fake.handlers.frameworks = () => FRAMEWORKS;
    fake.handlers.framework = () => frameworkOf();
    await mountApp();
  });

  it("a date typed on the dashboard is the one coverage and export show and ask for", async () => {
    const dashboards = count("dashboard");
    commit(box("as-of"), "2025-01-31");
    await settle(20);
    expect(count("dashboard") - dashboards, "the dashboard is asked once").toBe(1);
    expect(fake.called("dashboard").pop()?.args, "for that date").toEqual({ asOf: "2025-01-31" });
    expect([count("coverage_view"), count("report_preview")], "hidden pages ask nothing yet").toEqual([0, 0]);
    expect([box("coverage-as-of").value, box("export-as-of").value], "both boxes show it").toEqual(["2025-01-31", "2025-01-31"]);

    byTestId("nav-coverage").click();
    await settle(20);
    expect(fake.called("coverage_view").map((c) => c.args), "coverage arrives with the shared date").toEqual([{ asOf: "2025-01-31", framework: null }]);
    byTestId("nav-export").click();
    await settle(20);
    expect(fake.called("report_preview").map((c) => (c.args as { asOf: unknown }).asOf), "so does the report").toEqual(["2025-01-31"]);
  });

  it("one change on the page showing reaches every page once: one dashboard, one coverage request, no report", async () => {
    byTestId("nav-coverage").click();
    await settle(20);
    const before = { dashboard: count("dashboard"), coverage: count("coverage_view"), report: count("report_preview") };
    const answers = vi.fn();
    app?.pages.shared.dashboard.subscribe(answers);
    commit(box("coverage-as-of"), "2024-12-31");
    await settle(20);
    expect(
      { dashboard: count("dashboard") - before.dashboard, coverage: count("coverage_view") - before.coverage, report: count("report_preview") - before.report },
      "each page heard the date once; the hidden export page waits until shown",
    ).toEqual({ dashboard: 1, coverage: 1, report: 0 });
    expect(answers, "one new dashboard answer for everyone").toHaveBeenCalledOnce();
    expect([box("as-of").value, box("export-as-of").value], "the other boxes follow").toEqual(["2024-12-31", "2024-12-31"]);
    commit(box("coverage-as-of"), "");
    await settle(20);
    expect(box("as-of").value, "today again, everywhere").toBe("");
  });
});
