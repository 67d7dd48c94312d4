import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { Explanation } from "./bindings";
import { appPerTest, byTestId, credential, dashboardOf, explanationOf, fake, mountApp, settle, uiError } from "./test-support";
import { WhyStatus } from "./why-status";

appPerTest(vi.mocked(invoke), () => [credential({ id: 1 }), credential({ id: 2, title: "Second record" })]);

const all = (sel: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement>(sel)];
const texts = (sel: string, root: ParentNode = document) => all(sel, root).map((e) => e.textContent);

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** Opens a `<details>` as a click on its summary would. */
function openWhy(root: ParentNode = document): HTMLDetailsElement {
  const details = byTestId<HTMLDetailsElement>("why-status", root);
  details.querySelector("summary")?.click();
  return details;
}

describe("why this status (section)", () => {
  it("asks Rust only when first opened, and shows basis, rule, skills and changes as given", async () => {
    const explain = vi.fn(async () => explanationOf());
    const why = new WhyStatus(explain, () => {});
    const section = why.section(credential({ id: 1 }), "2025-06-01");
    document.body.append(section);
    expect(section.open, "closed by default").toBe(false);
    expect(byTestId("why-status").querySelector("summary")?.textContent).toBe("Why this status?");
    expect(explain, "nothing asked while closed").not.toHaveBeenCalled();

    openWhy();
    await settle();
    expect(explain.mock.calls, "the record's id and the as-of date").toEqual([[1, "2025-06-01"]]);
    expect(byTestId("why-basis").textContent).toBe("Completed 2024-05-02, 395 days before 2025-06-01; aged by each skill's half-life.");
    expect(byTestId("why-rule").textContent).toBe("Ageing: the worst its reasons give (half-life: ageing).");
    const [ml, ethics] = all('[data-testid="why-skill"]');
    expect(all('[data-testid="why-skill"]').length, "one row per skill").toBe(2);
    expect(ml?.textContent, "half-life and freshness as a whole percent").toContain("Machine learning");
    expect(ml?.textContent).toContain("half-life 2.5 years");
    expect(ml?.textContent).not.toContain("(default)");
    expect(byTestId("why-freshness", ml).textContent).toBe("70% fresh");
    expect(ml?.querySelector('[data-testid="why-refreshed"]'), "nothing keeps it current").toBeNull();
    expect(ethics?.textContent, "markup in a name stays text").toContain("Ethics <b>");
    expect(ethics?.querySelector("b")).toBeNull();
    expect(ethics?.textContent).toContain("half-life 3 years (default)");
    expect(byTestId("why-refreshed", ethics).textContent).toBe("kept current by Ethics refresher (2025-03)");
    const changes = all('[data-testid="why-change"]');
    expect(changes.map((c) => c.dataset.relation)).toEqual(["outside", "covered-later"]);
    expect(texts('[data-testid="why-relation"]'), "relation words").toEqual(["elsewhere", "covered later"]);
    expect(changes[0]?.textContent).toContain("EU AI Act");
    expect(changes[1]?.textContent).toContain("Predates it, but 'Ethics refresher' (2025-03) covers it.");

    section.open = false;
    openWhy();
    why.section(credential({ id: 1 }), "2025-06-01");
    await settle();
    expect(explain, "closing, reopening and redrawing the same record do not ask again").toHaveBeenCalledTimes(1);
  });

  it("drops an answer that arrives after the record changed, and asks again for the new one", async () => {
    const first = deferred<Explanation>();
    const second = deferred<Explanation>();
    const explain = vi.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const why = new WhyStatus(explain, () => {});
    document.body.append(why.section(credential({ id: 1 }), null));
    openWhy();
    await settle();
    // The record is saved meanwhile: the panel redraws it, still open.
    const redrawn = why.section(credential({ id: 1, updated_at: "2025-07-01T08:00:00Z" }), null);
    document.body.replaceChildren(redrawn);
    expect(redrawn.open, "the same record stays open").toBe(true);
    expect(explain).toHaveBeenCalledTimes(2);
    first.resolve(explanationOf({ basis: "old answer" }));
    await settle();
    expect(byTestId("why-status").textContent, "the stale answer is dropped").not.toContain("old answer");
    second.resolve(explanationOf({ basis: "new answer" }));
    await settle();
    expect(byTestId("why-basis").textContent).toBe("new answer");
  });

  it("reports a failure through the error path and tries again on the next opening", async () => {
    const report = vi.fn();
    const explain = vi.fn().mockRejectedValueOnce(uiError("not-found", "no credential 1")).mockResolvedValueOnce(explanationOf());
    const why = new WhyStatus(explain, report);
    const section = why.section(credential({ id: 1 }), null);
    document.body.append(section);
    openWhy();
    await settle();
    expect(report, "the app's toast path").toHaveBeenCalledWith(uiError("not-found", "no credential 1"));
    expect(section.querySelector('[data-testid="why-basis"]')).toBeNull();
    section.open = false;
    openWhy();
    await settle();
    expect(byTestId("why-basis").textContent).toContain("Completed 2024-05-02");
  });
});

describe("why this status (detail panel)", () => {
  async function openDetail(id: number): Promise<void> {
    all('[data-testid="credential-row"]').find((r) => r.dataset.id === String(id))?.click();
    await settle(20);
  }

  it("asks for the open record as of the dashboard's date and drops the answer for a record no longer shown", async () => {
    fake.dashboard = dashboardOf({ as_of: "2025-06-01" });
    const answers = new Map<number, ReturnType<typeof deferred<Explanation>>>([
      [1, deferred<Explanation>()],
      [2, deferred<Explanation>()],
    ]);
    fake.handlers.explain = (a) => answers.get(a.id as number)?.promise;
    await mountApp();
    byTestId("nav-credentials").click();
    await openDetail(1);
    const detail = byTestId("detail");
    expect(byTestId("why-status", detail).hasAttribute("open"), "closed by default").toBe(false);
    openWhy(detail);
    await settle();
    expect(fake.called("explain").map((c) => c.args)).toEqual([{ id: 1, asOf: "2025-06-01" }]);

    await openDetail(2);
    expect(byTestId("why-status", detail).hasAttribute("open"), "another record starts closed").toBe(false);
    answers.get(1)?.resolve(explanationOf({ basis: "about record 1" }));
    await settle();
    openWhy(detail);
    await settle();
    expect(detail.textContent, "record 1's answer does not land on record 2").not.toContain("about record 1");
    answers.get(2)?.resolve(explanationOf({ basis: "about record 2" }));
    await settle();
    expect(byTestId("why-basis", detail).textContent).toBe("about record 2");
    expect(fake.called("explain").map((c) => c.args)).toEqual([
      { id: 1, asOf: "2025-06-01" },
      { id: 2, asOf: "2025-06-01" },
    ]);
  });
});
