// How many follow-ups each group of Today shows: a page of each, more on
// request. The whole board (up to 200 a group, ~620 rows on the 100k book)
// drawn at once held 11,000 elements and about 80 MB of the web process
// (issue 18, idle memory); nobody works through 200 overdue follow-ups by
// scrolling, and the old backlog has its own one-step actions. The
// start's first screen of each group (30) covers a page, so the whole board
// is read only when more is asked for.
import { shares } from './drawn.svelte';

/** Rows a group shows at first. */
export const PAGE = 20;
/** Rows each "show more" adds. */
export const MORE = 50;

/**
 * Rows drawn of each group: each capped at what it may show, then filled
 * from the top while `drawn` rows are drawn in all (see `Drawn`).
 */
export function shownRows(loaded: readonly number[], caps: readonly number[], drawn: number): number[] {
  return shares(
    loaded.map((n, i) => Math.min(n, caps[i] ?? PAGE)),
    drawn,
  );
}

/**
 * Whether a group can show more: rows read but not shown, or rows not yet
 * read (the start reads only a first screen of each group; the whole board
 * is read when more is asked for).
 */
export function canShowMore(shown: number, loaded: number, total: number, partial: boolean): boolean {
  return shown < loaded || (partial && loaded < total);
}
