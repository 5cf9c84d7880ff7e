// The follow-up board the start read to choose the first screen, handed to
// Today once when it is that screen, so a start does not read the board
// twice (issue 18: the second read cost a cold start about 0.7 s). Taken,
// it is gone: Today opened later reads a fresh one.
import type { Board } from './types';

let kept: Board | null = null;

export function keepFirstBoard(board: Board | null): void {
  kept = board;
}

export function takeFirstBoard(): Board | null {
  const board = kept;
  kept = null;
  return board;
}
