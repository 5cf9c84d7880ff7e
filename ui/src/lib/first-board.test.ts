import { describe, expect, it } from 'vitest';
import { cutShort, keepFirstBoard, takeFirstBoard } from './first-board';
import type { Board, FollowUpGroup, FollowUpItem } from './types';

describe('the first board', () => {
  it('is handed over once, then Today reads its own', () => {
    const board = { today: '2026-12-01' } as Board;
    expect(takeFirstBoard()).toBeNull();
    keepFirstBoard(board);
    expect(takeFirstBoard()).toBe(board);
    expect(takeFirstBoard()).toBeNull();
  });

  const group = (shown: number, total: number): FollowUpGroup => ({
    total,
    items: Array.from({ length: shown }, (_, i) => ({ id: `f${i}` }) as unknown as FollowUpItem),
  });
  const board = (today: FollowUpGroup, older: FollowUpGroup): Board =>
    ({
      today: '2026-12-01',
      today_items: today,
      overdue: group(0, 0),
      overdue_week: group(0, 0),
      overdue_month: group(0, 0),
      overdue_older: older,
      upcoming: group(3, 3),
    }) as Board;

  it('is cut short when any group holds fewer rows than it counts', () => {
    expect(cutShort(board(group(30, 30), group(5, 5)))).toBe(false);
    expect(cutShort(board(group(30, 31), group(5, 5)))).toBe(true);
    expect(cutShort(board(group(2, 2), group(30, 912)))).toBe(true);
  });
});
