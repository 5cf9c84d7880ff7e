import { describe, expect, it } from 'vitest';
import { keepFirstBoard, takeFirstBoard } from './first-board';
import type { Board } from './types';

describe('the first board', () => {
  it('is handed over once, then Today reads its own', () => {
    const board = { today: '2026-12-01' } as Board;
    expect(takeFirstBoard()).toBeNull();
    keepFirstBoard(board);
    expect(takeFirstBoard()).toBe(board);
    expect(takeFirstBoard()).toBeNull();
  });
});
