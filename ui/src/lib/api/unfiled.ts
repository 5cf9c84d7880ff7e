import { call } from './ipc';
import type { PersonCard, UnfiledPerson } from '../types';
import type { FileTarget, TrayPerson } from '../contract';
export type { FileTarget } from '../contract';

/** The unfiled tray: people imported without a company. */
export const unfiled = {
  list: (query = '') => call<TrayPerson[]>('unfiled_list', { query }),
  count: () => call<number>('unfiled_count'),
  /** Files people under a customer; returns its id. */
  file: (ids: string[], target: FileTarget) => call<string>('unfiled_file', { ids, target }),
  update: (id: string, card: PersonCard) => call<UnfiledPerson>('unfiled_update', { id, card }),
  remove: (ids: string[]) => call<number>('unfiled_delete', { ids }),
};
