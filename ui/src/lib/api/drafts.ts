import { call } from './ipc';
import type { Draft } from '../contract';
export type { Draft } from '../contract';

/** Unsaved form text, kept in the book as it is typed (survives a crash). */
export const drafts = {
  get: (key: string) => call<Draft | null>('drafts_get', { key }),
  save: (key: string, body: string) => call<void>('drafts_save', { key, body }),
  clear: (key: string) => call<void>('drafts_clear', { key }),
};
