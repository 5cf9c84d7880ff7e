import { describe, expect, it } from 'vitest';
import { choicesOf, tally, toChoice } from './unfiled-choice';
import type { UnfiledRow } from './types';

const row = (index: number, extra: Partial<UnfiledRow> = {}): UnfiledRow => ({
  index,
  line: index + 1,
  card: { name: `p${index}` } as UnfiledRow['card'],
  guess: null,
  filed_under: null,
  in_tray: false,
  ...extra,
});

describe('unfiled choices', () => {
  const chosen = { target: { new_customer: '恒达机械' }, name: '恒达机械' };

  it('turns words into the core choices', () => {
    expect(toChoice('target', chosen)).toEqual({ new_customer: '恒达机械' });
    expect(toChoice('target', null)).toBe('keep');
    expect(choicesOf({ 0: 'default', 1: 'skip', 2: 'target' }, chosen)).toEqual({ 1: 'skip', 2: { new_customer: '恒达机械' } });
  });

  it('counts what the import will do', () => {
    const guess = { company: '华为', from: 'name' as const, person_name: '王总', customer_id: null, customer_name: null };
    const rows = [row(0, { guess }), row(1), row(2), row(3, { in_tray: true }), row(4)];
    expect(tally(rows, { 1: 'target', 2: 'skip' }, 'guess', chosen)).toEqual({ keep: 1, file: 2, skip: 1, known: 1 });
    expect(tally(rows, {}, 'keep', null)).toEqual({ keep: 4, file: 0, skip: 0, known: 1 });
  });
});
