import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './datetime';

describe('local date-time input', () => {
  it('round-trips a local time through UTC', () => {
    const iso = fromLocalInput('2026-03-01 14:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso!)).toBe('2026-03-01 14:30');
  });
  it('accepts a date alone as midnight', () => {
    expect(toLocalInput(fromLocalInput('2026-03-01')!)).toBe('2026-03-01 00:00');
  });
  it('rejects impossible dates and times', () => {
    expect(fromLocalInput('2026-02-30 10:00')).toBeNull();
    expect(fromLocalInput('2026-03-01 25:00')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});
