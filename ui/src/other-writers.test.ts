import { describe, expect, it, vi } from "vitest";
import { watchOtherWriters } from "./other-writers";
import { settle } from "./test-support";

describe("another process writing to the database", () => {
  it("reloads once when the data version moved while the window was away", async () => {
    let version = 7;
    const ask = vi.fn(async () => version);
    const changed = vi.fn();
    const stop = watchOtherWriters(window, ask, changed);
    await settle();
    expect(ask, "asks once at the start, for the baseline").toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("focus"));
    await settle();
    expect(changed, "the same version: nothing to reload").not.toHaveBeenCalled();
    version = 8;
    window.dispatchEvent(new Event("focus"));
    await settle();
    expect(changed, "another writer committed: reload").toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("focus"));
    await settle();
    expect(changed, "no second reload for the same change").toHaveBeenCalledTimes(1);
    stop();
    version = 9;
    window.dispatchEvent(new Event("focus"));
    await settle();
    expect(ask, "stopped: no more questions").toHaveBeenCalledTimes(4);
  });

  it("treats a failed check as no news", async () => {
    const ask = vi.fn(async () => {
      throw new Error("busy");
    });
    const changed = vi.fn();
    const stop = watchOtherWriters(window, ask, changed);
    window.dispatchEvent(new Event("focus"));
    await settle();
    expect(changed, "a failure is not a change").not.toHaveBeenCalled();
    stop();
  });
});
