import { call } from './ipc';
import type { TrashItem, TrashKind } from '../types';

export const trash = {
  list: () => call<TrashItem[]>('trash_list'),
  /** Moves a record to the trash (restore it from there). */
  move: (kind: TrashKind, id: string) => call<void>('trash_move', { kind, id }),
  restore: (kind: TrashKind, id: string) => call<void>('trash_restore', { kind, id }),
  empty: () => call<number>('trash_empty'),
};
