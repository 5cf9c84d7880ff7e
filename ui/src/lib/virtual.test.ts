import { describe, expect, it } from 'vitest';
import { pagesFor, visibleRange } from './virtual';

describe('visibleRange', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(visibleRange(0, 560, 56, 100_000, 8)).toEqual({ start: 0, end: 19 });
    expect(visibleRange(56 * 1000, 560, 56, 100_000, 8)).toEqual({ start: 992, end: 1019 });
    expect(visibleRange(56 * 99_995, 560, 56, 100_000, 8)).toEqual({ start: 99_987, end: 100_000 });
  });
  it('renders nothing for an empty list', () => {
    expect(visibleRange(0, 560, 56, 0)).toEqual({ start: 0, end: 0 });
  });
  it('never renders more than a screenful plus overscan, however long the list', () => {
    const r = visibleRange(123_456, 800, 56, 1_000_000, 8);
    expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(800 / 56) + 1 + 16);
  });
});

describe('pagesFor', () => {
  it('lists the pages a range touches', () => {
    expect(pagesFor({ start: 95, end: 205 }, 100)).toEqual([0, 1, 2]);
    expect(pagesFor({ start: 0, end: 1 }, 100)).toEqual([0]);
    expect(pagesFor({ start: 5, end: 5 }, 100)).toEqual([]);
  });
});
