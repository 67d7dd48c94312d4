// Asynchronous work in the UI: answers that arrive after a newer request must not overwrite
// what the newer one shows, and a failed action must say so instead of failing silently.

/** Where a failure that is not about a field goes (the app shows it as a toast). */
export type Report = (err: unknown) => void;

/**
 * Keeps only the newest of a series of requests: each `begin` makes every earlier one stale,
 * so a slow answer to an old query cannot replace the answer to the query now showing.
 */
export class Latest {
  private generation = 0;

  /** Starts a request; the returned check stays true until a later one starts (or `drop`). */
  begin(): () => boolean {
    const mine = ++this.generation;
    return () => mine === this.generation;
  }

  /** Makes every request on its way stale (the thing it was for went away). */
  drop(): void {
    this.generation++;
  }

  /**
   * Runs `request`; `done` gets its answer and `failed` its error, but only while no later
   * request has started. Returns whether this request was still the latest when it settled.
   */
  async run<T>(request: () => Promise<T>, done: (value: T) => void, failed: (err: unknown) => void): Promise<boolean> {
    const current = this.begin();
    let value: T;
    try {
      value = await request();
    } catch (err) {
      if (current()) failed(err);
      return current();
    }
    if (current()) done(value);
    return current();
  }
}

export interface AttemptOptions {
  /** Disabled (and marked busy) while the work runs, so a second click cannot send it twice. */
  busy?: HTMLButtonElement;
}

/**
 * Runs an action the person asked for. A rejection goes to `report` and gives undefined, so
 * callers only write the happy path; nothing the person typed is touched.
 */
export async function attempt<T>(report: Report, work: () => Promise<T>, opts: AttemptOptions = {}): Promise<T | undefined> {
  const btn = opts.busy;
  if (btn) {
    btn.disabled = true;
    btn.classList.add("busy");
  }
  try {
    return await work();
  } catch (err) {
    report(err);
    return undefined;
  } finally {
    if (btn) {
      btn.disabled = false;
      btn.classList.remove("busy");
    }
  }
}

/** `attempt` for work that answers nothing: whether it succeeded. */
export async function succeeds(report: Report, work: () => Promise<unknown>, opts: AttemptOptions = {}): Promise<boolean> {
  return (await attempt(report, () => work().then(() => true), opts)) === true;
}
