import { describe, expect, it } from 'vitest';
import { MORE, PAGE, canShowMore, shownRows } from './today-pages';

describe('Today shows a page of each group', () => {
  it('caps each group, then fills from the top while rows are drawn', () => {
    const loaded = [3, 200, 200, 200, 40];
    const caps = loaded.map(() => PAGE);
    expect(shownRows(loaded, caps, 1000)).toEqual([3, PAGE, PAGE, PAGE, PAGE]);
    expect(shownRows(loaded, caps, 30)).toEqual([3, PAGE, 7, 0, 0]);
  });

  it('shows more while rows are read but not shown, or not read yet', () => {
    expect(canShowMore(PAGE, 30, 400, true)).toBe(true);
    expect(canShowMore(30, 30, 400, true)).toBe(true);
    expect(canShowMore(30, 30, 30, true)).toBe(false);
    expect(canShowMore(200, 200, 400, false)).toBe(false);
    expect(shownRows([0, 200], [PAGE, PAGE + MORE], 1000)).toEqual([0, PAGE + MORE]);
  });
});
