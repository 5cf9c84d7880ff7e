import { describe, expect, it } from 'vitest';
import { headerSort, loadColumns, needsFigures, saveColumns, toggleColumn } from './list-columns';

function memory() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('list columns', () => {
  it('keeps the choice, in menu order, and drops names it does not know', () => {
    const s = memory();
    saveColumns(['weight', 'revenue'], s);
    expect(loadColumns(s)).toEqual(['revenue', 'weight']);
    s.setItem('baton:list-columns', JSON.stringify(['revenue', 'shoe_size']));
    expect(loadColumns(s)).toEqual(['revenue']);
    s.setItem('baton:list-columns', '{broken');
    expect(loadColumns(s)).toEqual([]);
  });

  it('asks for the computed figures only when a figure column shows', () => {
    expect(needsFigures(['owner', 'last_contact'])).toBe(false);
    expect(needsFigures(['owner', 'dependence'])).toBe(true);
  });

  it('toggles a column on and off', () => {
    expect(toggleColumn(['owner'], 'revenue')).toEqual(['revenue', 'owner']);
    expect(toggleColumn(['revenue', 'owner'], 'revenue')).toEqual(['owner']);
  });

  it('sorts by a header, figures largest first, and flips on a second click', () => {
    const first = headerSort({ sort: 'name', descending: false }, 'revenue');
    expect(first).toEqual({ sort: 'revenue', descending: true });
    expect(headerSort(first, 'revenue')).toEqual({ sort: 'revenue', descending: false });
    expect(headerSort(first, 'region')).toEqual({ sort: 'region', descending: false });
    expect(headerSort(first, 'tags')).toBe(first);
  });
});
