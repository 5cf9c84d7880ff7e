import { describe, expect, it } from 'vitest';
import { Drawn, shares } from './drawn.svelte';

describe('rows drawn a chunk per frame', () => {
  it('draws a screenful, then a chunk each frame until all are drawn', () => {
    const frames: (() => void)[] = [];
    const drawn = new Drawn(30, 60, (next) => frames.push(next));
    expect(drawn.count).toBe(30);
    drawn.grow(200);
    drawn.grow(200); // already growing: no second chain
    expect(frames.length).toBe(1);
    const seen = [];
    while (frames.length) {
      frames.shift()?.();
      seen.push(drawn.count);
    }
    expect(seen).toEqual([90, 150, 210]);
  });

  it('does nothing when every row is already drawn', () => {
    const frames: (() => void)[] = [];
    const drawn = new Drawn(30, 60, (next) => frames.push(next));
    drawn.grow(12);
    expect(frames.length).toBe(0);
    expect(drawn.count).toBe(30);
  });

  it('shares the rows drawn among groups in screen order', () => {
    expect(shares([10, 200, 5], 30)).toEqual([10, 20, 0]);
    expect(shares([10, 200, 5], 300)).toEqual([10, 200, 5]);
    expect(shares([0, 40], 30)).toEqual([0, 30]);
    expect(shares([3], 0)).toEqual([0]);
  });
});
