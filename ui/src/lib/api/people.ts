import { call } from './ipc';
import type { Person, PersonCard } from '../types';

export const people = {
  create: (customerId: string, card: PersonCard) => call<Person>('people_create', { customerId, card }),
  update: (id: string, card: PersonCard) => call<Person>('people_update', { id, card }),
  remove: (id: string) => call<void>('people_delete', { id }),
  /** Writes people as vCard 4.0 into the documents folder; returns the path. */
  /** Writes the key people as vCard to `path` (from the save dialog). */
  exportVcard: (customerIds: string[], path: string, replace: boolean) =>
    call<string>('people_export_vcard', { customerIds, path, replace }),
};
