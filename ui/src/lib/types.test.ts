import { describe, expect, it } from 'vitest';
import { cardOf, emptyCustomer, type Customer } from './types';

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
