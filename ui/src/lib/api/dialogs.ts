import { call } from './ipc';
import { language } from '../i18n/index.svelte';

/** What a file dialog is for (its filter). */
export type FileKind = 'handover' | 'report' | 'sheet' | 'backup' | 'rejected' | 'vcard' | 'calendar';

export interface SaveTarget {
  path: string;
  /** The system's save dialog already asked about replacing a file there. */
  replace_confirmed: boolean;
}

/** The system's open and save dialogs: paths are picked, never typed. */
export const dialogs = {
  open: (kind: FileKind, title: string) => call<string | null>('dialog_open', { kind, title, zh: language() === 'zh' }),
  save: (kind: FileKind, title: string, fileName: string) =>
    call<SaveTarget | null>('dialog_save', { kind, title, fileName, zh: language() === 'zh' }),
};
