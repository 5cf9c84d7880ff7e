import { call } from './ipc';
import type { JobRun } from './jobs';
import type { SheetOpened, SheetPlanned, SheetReport, SheetRequest } from '../types';

/** Bringing an existing book in from a spreadsheet. */
export const sheet = {
  open: (path: string, sheet: string | null = null) => call<SheetOpened>('sheet_open', { path, sheet }),
  /** Checks the sheet (writes nothing); a big one can be stopped with `job.cancel()`. */
  plan: (request: SheetRequest, job: JobRun) => call<SheetPlanned>('sheet_plan', { request, ...job.args }),
  import: (request: SheetRequest, job: JobRun) => call<SheetReport>('sheet_import', { request, ...job.args }),
  writeRejected: (request: SheetRequest, out: string, replace = false) =>
    call<number>('sheet_write_rejected', { request, out, replace }),
  undoAvailable: () => call<boolean>('handover_undo_available'),
};
