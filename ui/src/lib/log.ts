// Failures the page chooses not to show (a draft that could not be kept, the
// tags of a filter) still go to the support log, never silently nowhere.
// Only the error's code, field and where it happened are written: no record
// text leaves the book this way.
import { call, toBatonError } from './api/ipc';

/** A `.catch` handler that logs the failure under `where` and moves on. */
export function logged(where: string): (err: unknown) => undefined {
  return (err: unknown) => {
    const e = toBatonError(err);
    // The log itself failing has nowhere else to be said.
    call<void>('app_log', { where, code: e.code, field: e.field ?? null }).catch(() => undefined);
    return undefined;
  };
}
