import { describe, expect, it } from 'vitest';
import { PagedRows } from './paged.svelte';
import type { ListPage, ListRow } from './types';

const row = (i: number): ListRow => ({
  id: `id-${i}`, name: `c${i}`, short_name: '', industry: '', region: '', status: 'active', standing: 'active', tier: null,
  is_key: false, owner: '', tags: [], people_count: 0, updated_at: '', last_contact_on: null, next_due_on: null,
  revenue: null, weight: null, dependence: null,
});

function fakeBook(total: number) {
  const calls: number[] = [];
  const fetcher = async (offset: number, limit: number): Promise<ListPage> => {
    calls.push(offset);
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(row(i));
    return { total, rows };
  };
  return { calls, fetcher };
}

describe('PagedRows', () => {
  it('loads only the pages in view, once each', async () => {
    const { calls, fetcher } = fakeBook(100_000);
    const rows = new PagedRows(fetcher, 100);
    await rows.reset();
    await rows.ensure({ start: 250, end: 320 });
    await rows.ensure({ start: 260, end: 300 });
    expect(calls).toEqual([0, 200, 300]);
    expect(rows.total).toBe(100_000);
    expect(rows.rows[305].name).toBe('c305');
    expect(rows.rows[150]).toBeUndefined();
  });

  it('refreshes the rows in view after a write without blanking them', async () => {
    const { calls, fetcher } = fakeBook(1000);
    const rows = new PagedRows(fetcher, 100);
    await rows.reset();
    await rows.ensure({ start: 200, end: 215 });
    calls.length = 0;
    const pending = rows.refresh();
    // While the fresh page is on its way, the old rows are still there.
    expect(rows.rows[205].name).toBe('c205');
    await pending;
    expect(calls).toEqual([200]);
    expect(rows.rows[205].name).toBe('c205');
    // Pages out of view reload when scrolled to again.
    await rows.ensure({ start: 0, end: 10 });
    expect(calls).toEqual([200, 0]);
  });

  it('drops answers to an old query', async () => {
    let release: (p: ListPage) => void = () => {};
    const slow = () => new Promise<ListPage>((resolve) => (release = resolve));
    const rows = new PagedRows(slow, 100);
    const first = rows.reset();
    const { fetcher } = fakeBook(3);
    const second = rows.reset(fetcher);
    release({ total: 999, rows: [row(42)] });
    await Promise.all([first, second]);
    expect(rows.total).toBe(3);
    expect(rows.rows[0].name).toBe('c0');
  });

  it('keeps each row as it arrived, not wrapped for tracking', async () => {
    // A click on a row of a long-scrolled list read every loaded row
    // through a reactive proxy (issue 18); rows are only ever replaced.
    const given: ListRow[] = [];
    const rows = new PagedRows(async (offset, limit) => {
      const page = Array.from({ length: limit }, (_, i) => row(offset + i));
      given.push(...page);
      return { total: 1000, rows: page };
    }, 100);
    await rows.reset();
    await rows.ensure({ start: 500, end: 510 });
    expect(rows.rows[0]).toBe(given[0]);
    expect(rows.rows[505]).toBe(given[105]);
  });
});
