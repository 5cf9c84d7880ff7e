import { describe, expect, it } from 'vitest';
import { cardOf, emptyCustomer, every, STATUSES, type Customer, type Status } from './types';

describe('cardOf', () => {
  it('copies the editable fields of a record held in reactive state', () => {
    const stored: Customer = {
      ...emptyCustomer(), name: '华为', tags: new Proxy(['华南'], {}), id: 'x', created_at: 'c', updated_at: 'u',
      deleted_at: null,
    };
    // Svelte state proxies nested arrays too; structuredClone rejects those.
    expect(() => structuredClone(stored.tags)).toThrow();
    const proxied = new Proxy(stored, {});
    const card = cardOf(proxied, emptyCustomer);
    expect(card.name).toBe('华为');
    expect(card.tags).toEqual(['华南']);
    expect('id' in card).toBe(false);
    card.tags.push('x');
    expect(stored.tags).toEqual(['华南']);
  });
});

describe('the contract', () => {
  it('is declared only in the generated files, never again by hand', () => {
    const generated = new Set(
      Object.keys(import.meta.glob('./contract/*.ts'))
        .map((p) => p.slice('./contract/'.length, -'.ts'.length))
        .filter((n) => n !== 'index'),
    );
    expect(generated.has('Customer')).toBe(true);
    const sources = import.meta.glob(['../**/*.ts', '../**/*.svelte', '!./contract/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const again: string[] = [];
    for (const [path, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/export (?:interface|type) (\w+)\b/g)) {
        if (generated.has(m[1])) again.push(`${path}: ${m[1]}`);
      }
    }
    expect(again).toEqual([]);
  });

  it('lists every value of an enum, or does not compile', () => {
    // @ts-expect-error a status list without 'lost' is refused by the checker
    const short = every<Status>()(['prospect', 'active', 'dormant'] as const);
    expect(short).toHaveLength(3);
    expect(STATUSES).toEqual(['prospect', 'active', 'dormant', 'lost']);
  });
});
