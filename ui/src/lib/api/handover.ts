import { call } from './ipc';
import type { JobRun } from './jobs';
import type { LoggedConflict, Checklist, ChecklistItemState, ExportRequest, HandoverHeader, HandoverNote, HandoverOverview, ImportReport, ImportRequest, NoteDraft } from '../types';

export const handover = {
  note: (customerId: string) => call<HandoverNote | null>('handover_note_get', { customerId }),
  saveNote: (customerId: string, draft: NoteDraft) => call<HandoverNote>('handover_note_save', { customerId, draft }),
  overview: () => call<HandoverOverview>('handover_overview'),
  export: (request: ExportRequest, job: JobRun) => call<HandoverHeader>('handover_export', { request, ...job.args }),
  import: (request: ImportRequest, job: JobRun) => call<ImportReport>('handover_import', { request, ...job.args }),
  undoImport: () => call<void>('handover_undo_import'),
  checklist: (customerId: string) => call<Checklist | null>('checklist_get', { customerId }),
  tick: (id: string, ticked: boolean) => call<ChecklistItemState>('checklist_tick', { id, ticked }),
  backup: (path: string, job: JobRun) => call<void>('backup_create', { path, ...job.args }),
  restore: (path: string, job: JobRun) => call<void>('backup_restore', { path, ...job.args }),
  conflicts: (includeResolved = false) => call<LoggedConflict[]>('conflicts_list', { includeResolved }),
  resolve: (id: string, useOther: boolean) => call<void>('conflicts_resolve', { id, useOther }),
};
