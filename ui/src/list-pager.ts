// The credential list in pages: Rust returns at most PAGE_SIZE records per request, and "Show
// more" asks for the next page while the last one came back full. A new query starts again
// at one page; a reload after a change to the data asks for as many records as are showing,
// so an edit does not fold the list back up.

import type { Credential, ListQuery } from "./bindings";
import { Latest } from "./kit-async";

export const PAGE_SIZE = 200;

export class ListPager {
  rows: Credential[] = [];
  /** The last answer was a full page, so there may be more. */
  more = false;
  private pages = 1;
  private readonly latest = new Latest();

  constructor(
    private readonly fetch: (query: ListQuery) => Promise<Credential[]>,
    readonly size = PAGE_SIZE,
  ) {}

  /**
   * The list from the start: one page when `reset` (a new search, filter or sort), else as many
   * pages as are shown. Null when a later request superseded this one; errors of a superseded
   * request are dropped too.
   */
  async reload(query: ListQuery, reset: boolean): Promise<Credential[] | null> {
    if (reset) this.pages = 1;
    const limit = this.pages * this.size;
    return this.request({ ...query, limit, offset: 0 }, (rows) => {
      this.rows = rows;
      this.more = rows.length === limit;
    });
  }

  /** The next page, appended. */
  async next(query: ListQuery): Promise<Credential[] | null> {
    return this.request({ ...query, limit: this.size, offset: this.rows.length }, (rows) => {
      this.rows = [...this.rows, ...rows];
      this.pages++;
      this.more = rows.length === this.size;
    });
  }

  private async request(query: ListQuery, apply: (rows: Credential[]) => void): Promise<Credential[] | null> {
    const current = this.latest.begin();
    // A superseded request's rows and errors are both dropped: they belong to another query.
    const rows = await this.fetch(query).catch((err: unknown) => {
      if (current()) throw err;
      return null;
    });
    if (rows === null || !current()) return null;
    apply(rows);
    return this.rows;
  }
}
