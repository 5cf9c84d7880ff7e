import { call } from './ipc';
import type { Board, Contact, ContactDraft, FollowUp, PersonCard, TimelinePage, TimelineQuery } from '../types';

export const history = {
  /** Logs a contact; `newInCharge` creates the person in charge in the same transaction. */
  logContact: (customerId: string, draft: ContactDraft, newInCharge: PersonCard | null = null) =>
    call<Contact>('contacts_create', { customerId, draft, newInCharge }),
  timeline: (customerId: string, query: TimelineQuery) => call<TimelinePage>('timeline_page', { customerId, query }),
  board: () => call<Board>('followups_board'),
  done: (id: string, closing: ContactDraft | null) => call<FollowUp>('followups_done', { id, closing }),
};
