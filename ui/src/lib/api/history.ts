import { call } from './ipc';
import type { Backlog, Board, Contact, ContactDraft, FollowUp, PersonCard, Reschedule, TimelinePage, TimelineQuery } from '../types';

export const history = {
  /** Logs a contact; `newInCharge` creates the person in charge in the same transaction. */
  logContact: (customerId: string, draft: ContactDraft, newInCharge: PersonCard | null = null) =>
    call<Contact>('contacts_create', { customerId, draft, newInCharge }),
  /** Corrects a contact; its follow-up follows its next step. */
  updateContact: (id: string, draft: ContactDraft) => call<Contact>('contacts_update', { id, draft }),
  timeline: (customerId: string, query: TimelineQuery) => call<TimelinePage>('timeline_page', { customerId, query }),
  /** The follow-up board; `firstScreen`: only the rows a first screen shows (the counts whole). */
  board: (firstScreen = false) => call<Board>('followups_board', { firstScreen }),
  done: (id: string, closing: ContactDraft | null) => call<FollowUp>('followups_done', { id, closing }),
  reschedule: (id: string, to: Reschedule) => call<FollowUp>('followups_reschedule', { id, to }),
  cancel: (id: string, reason: string) => call<FollowUp>('followups_cancel', { id, reason }),
  reopen: (id: string) => call<FollowUp>('followups_reopen', { id }),
  edit: (id: string, title: string, dueOn: string) => call<FollowUp>('followups_edit', { id, title, dueOn }),
  /** Moves or cancels every follow-up more than thirty days overdue; returns how many. */
  clearBacklog: (action: Backlog) => call<number>('followups_clear_backlog', { action }),
  /** Writes the open follow-ups as an iCalendar file; returns how many. */
  ics: (path: string, replace: boolean) => call<number>('followups_ics', { path, replace }),
};
