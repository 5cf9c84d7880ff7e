// The follow-up board the start read to choose the first screen, handed to
// Today once when it is that screen, so a start does not read the board
// twice (issue 18: the second read cost a cold start about 0.7 s). Taken,
// it is gone: Today opened later reads a fresh one. The start reads only
// the first screen's rows of each group (`history.board(true)`): Today
// paints those, then reads the rest when a group was cut short.
import type { Board } from './types';

/** Whether a group of the board holds fewer rows than it counts. */
export function cutShort(board: Board): boolean {
  const groups = [board.today_items, board.overdue_week, board.overdue_month, board.overdue_older, board.upcoming];
  return groups.some((g) => g.items.length < g.total);
}

let kept: Board | null = null;

export function keepFirstBoard(board: Board | null): void {
  kept = board;
}

export function takeFirstBoard(): Board | null {
  const board = kept;
  kept = null;
  return board;
}
