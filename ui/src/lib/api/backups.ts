import { call } from './ipc';
import type { JobRun } from './jobs';
import type { BackupInfo } from '../contract';
export type { BackupInfo, BackupKind } from '../contract';

/** The backups Baton takes by itself, and restoring one of them. */
export const backups = {
  list: () => call<BackupInfo[]>('backups_list'),
  /** Restores `name`; returns the backup of the state it replaced. */
  restore: (name: string, job: JobRun) => call<string | null>('backups_restore', { name, ...job.args }),
};
