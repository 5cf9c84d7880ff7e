// Rows of the customer list, fetched a page at a time as the user scrolls.
// A new query bumps the generation, so answers to an old query are dropped.
import type { ListPage, ListRow } from './types';
import { pagesFor, type Range } from './virtual';

export type Fetcher = (offset: number, limit: number) => Promise<ListPage>;

export class PagedRows {
  total = $state(0);
  // Raw, not deeply reactive: pages are replaced whole, never edited in
  // place, and a proxy per row made every read of thousands of loaded rows
  // (a click on one of them) pay for tracking (issue 18).
  rows = $state.raw<Record<number, ListRow>>({});
  loaded = $state(false);
  error = $state<unknown>(null);
  private requested = new Set<number>();
  private generation = 0;
  /** The rows last asked for: what is on screen. */
  private inView: Range = { start: 0, end: 1 };

  constructor(
    private fetcher: Fetcher,
    readonly pageSize = 100,
  ) {}

  /** Forget everything and load the first page of a new query. */
  async reset(fetcher?: Fetcher): Promise<void> {
    if (fetcher) this.fetcher = fetcher;
    this.generation++;
    this.requested.clear();
    this.rows = {};
    this.loaded = false;
    await this.ensure({ start: 0, end: 1 });
  }

  /**
   * Reloads the rows in view after a write (same query): the rows on screen
   * stay until their fresh versions arrive, so the list never blanks and
   * keeps its place; pages out of view reload when scrolled to.
   */
  async refresh(): Promise<void> {
    this.generation++;
    this.requested.clear();
    // An empty list (the first customers just arrived) starts at the top.
    await this.ensure(this.inView.end > this.inView.start ? this.inView : { start: 0, end: 1 });
  }

  /** Loads whatever pages of `range` are not loaded or loading. */
  async ensure(range: Range): Promise<void> {
    this.inView = range;
    const wanted = pagesFor(range, this.pageSize).filter((p) => !this.requested.has(p));
    const generation = this.generation;
    await Promise.all(
      wanted.map(async (page) => {
        this.requested.add(page);
        try {
          const result = await this.fetcher(page * this.pageSize, this.pageSize);
          if (generation !== this.generation) return;
          this.total = result.total;
          const next = { ...this.rows };
          result.rows.forEach((row, i) => (next[page * this.pageSize + i] = row));
          this.rows = next;
          this.error = null;
        } catch (err) {
          if (generation !== this.generation) return;
          this.requested.delete(page);
          this.error = err;
        } finally {
          if (generation === this.generation) this.loaded = true;
        }
      }),
    );
  }
}
