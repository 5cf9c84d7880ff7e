import { call } from './ipc';
import type { HandoverNote, NoteDraft } from '../types';

export const handover = {
  note: (customerId: string) => call<HandoverNote | null>('handover_note_get', { customerId }),
  saveNote: (customerId: string, draft: NoteDraft) => call<HandoverNote>('handover_note_save', { customerId, draft }),
};
