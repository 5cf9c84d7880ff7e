import { call } from './ipc';

/** What an automatic backup was taken for. */
export type BackupKind = 'daily' | 'before_import' | 'before_sheet_import' | 'before_restore';

/** One backup in the book's backups folder (src/backup/rotation.rs). */
export interface BackupInfo {
  name: string;
  kind: BackupKind;
  /** A day (`2026-11-30`) for daily ones, else an instant (UTC). */
  taken: string;
  bytes: number;
  customers: number | null;
}

/** The backups Baton takes by itself, and restoring one of them. */
export const backups = {
  list: () => call<BackupInfo[]>('backups_list'),
  /** Restores `name`; returns the backup of the state it replaced. */
  restore: (name: string) => call<string | null>('backups_restore', { name }),
};
