import { describe, expect, it, vi } from "vitest";
import { attempt, Latest, succeeds } from "./kit-async";
import { deferred } from "./test-support";

describe("Latest (request guard)", () => {
  it("drops a stale answer that arrives after a newer one", async () => {
    const latest = new Latest();
    const shown: string[] = [];
    const old = deferred<string>();
    const fresh = deferred<string>();
    const first = latest.run(() => old.promise, (v) => shown.push(v), () => shown.push("error"));
    const second = latest.run(() => fresh.promise, (v) => shown.push(v), () => shown.push("error"));
    fresh.resolve("new");
    old.resolve("old");
    expect(await second, "the newer request is the latest").toBe(true);
    expect(await first, "the older request knows it was superseded").toBe(false);
    expect(shown, "only the newer answer is shown").toEqual(["new"]);
  });

  it("drops a stale failure too, and reports the latest one", async () => {
    const latest = new Latest();
    const failed = vi.fn();
    const old = deferred<string>();
    const first = latest.run(() => old.promise, () => {}, failed);
    const second = latest.run(() => Promise.reject(new Error("now")), () => {}, failed);
    old.reject(new Error("then"));
    await Promise.all([first, second]);
    expect(failed, "only the failure of the request now showing is reported").toHaveBeenCalledOnce();
    expect((failed.mock.calls[0]?.[0] as Error).message, "it is the newer request's failure").toBe("now");
  });

  it("drop makes an answer on its way stale", async () => {
    const latest = new Latest();
    const done = vi.fn();
    const pending = deferred<number>();
    const run = latest.run(() => pending.promise, done, () => {});
    latest.drop();
    pending.resolve(1);
    expect(await run, "a dropped request is not the latest").toBe(false);
    expect(done, "its answer is not shown").not.toHaveBeenCalled();
  });

  it("begin gives a check that turns false once a later request starts", () => {
    const latest = new Latest();
    const a = latest.begin();
    expect(a(), "alone, it is current").toBe(true);
    const b = latest.begin();
    expect([a(), b()], "the later one takes over").toEqual([false, true]);
  });
});

describe("attempt (action wrapper)", () => {
  it("shows a rejection through report and gives undefined", async () => {
    const report = vi.fn();
    const err = new Error("disk full");
    const result = await attempt(report, () => Promise.reject(err));
    expect(report, "the rejection reaches the report").toHaveBeenCalledWith(err);
    expect(result, "a failed action has no result").toBeUndefined();
  });

  it("returns the result and reports nothing on success", async () => {
    const report = vi.fn();
    expect(await attempt(report, async () => 42), "the work's answer comes back").toBe(42);
    expect(report, "success is not an error").not.toHaveBeenCalled();
  });

  it("keeps its button disabled and busy while running, whatever the outcome", async () => {
    const btn = document.createElement("button");
    const pending = deferred<void>();
    const run = attempt(() => {}, () => pending.promise, { busy: btn });
    expect([btn.disabled, btn.classList.contains("busy")], "disabled and busy while the work runs").toEqual([true, true]);
    pending.reject(new Error("no"));
    await run;
    expect([btn.disabled, btn.classList.contains("busy")], "usable again after a failure").toEqual([false, false]);
  });

  it("succeeds tells success from failure for work without an answer", async () => {
    const report = vi.fn();
    expect(await succeeds(report, async () => undefined), "resolved work succeeded").toBe(true);
    expect(await succeeds(report, () => Promise.reject(new Error("x"))), "rejected work did not").toBe(false);
    expect(report, "only the failure is reported").toHaveBeenCalledOnce();
  });
});
