import { call } from './ipc';
import type { LoggedConflict, Checklist, ChecklistItemState, ExportRequest, HandoverHeader, HandoverNote, HandoverOverview, ImportReport, ImportRequest, NoteDraft } from '../types';

export const handover = {
  note: (customerId: string) => call<HandoverNote | null>('handover_note_get', { customerId }),
  saveNote: (customerId: string, draft: NoteDraft) => call<HandoverNote>('handover_note_save', { customerId, draft }),
  overview: () => call<HandoverOverview>('handover_overview'),
  export: (request: ExportRequest) => call<HandoverHeader>('handover_export', { request }),
  import: (request: ImportRequest) => call<ImportReport>('handover_import', { request }),
  undoImport: () => call<void>('handover_undo_import'),
  progress: () => call<{ done: number; total: number } | null>('handover_import_progress'),
  cancel: () => call<void>('handover_import_cancel'),
  checklist: (customerId: string) => call<Checklist | null>('checklist_get', { customerId }),
  tick: (id: string, ticked: boolean) => call<ChecklistItemState>('checklist_tick', { id, ticked }),
  backup: (path: string) => call<void>('backup_create', { path }),
  restore: (path: string) => call<void>('backup_restore', { path }),
  conflicts: (includeResolved = false) => call<LoggedConflict[]>('conflicts_list', { includeResolved }),
  resolve: (id: string, useOther: boolean) => call<void>('conflicts_resolve', { id, useOther }),
};
