// The CLI (or a restore run from it) may write to the database while the app is open. SQLite's
// data_version changes when another connection has committed; the app asks whenever its window
// comes back into use, and reloads what it shows when the answer moved.

/** Starts watching; returns a function that stops. `changed` runs once per detected change. */
export function watchOtherWriters(win: Window, ask: () => Promise<number>, changed: () => void): () => void {
  let last: number | null = null;
  let asking = false;
  const check = async (): Promise<void> => {
    if (asking || win.document.visibilityState === "hidden") return;
    asking = true;
    try {
      const now = await ask();
      if (last !== null && now !== last) changed();
      last = now;
    } catch {
      // A failed check only means the next one decides; the store reports its own errors.
    } finally {
      asking = false;
    }
  };
  const onVisible = (): void => void check();
  win.addEventListener("focus", onVisible);
  win.document.addEventListener("visibilitychange", onVisible);
  void check();
  return () => {
    win.removeEventListener("focus", onVisible);
    win.document.removeEventListener("visibilitychange", onVisible);
  };
}
