import { call } from './ipc';
import { language } from '../i18n/index.svelte';
import type { FileKind, SaveTarget } from '../contract';
export type { FileKind, SaveTarget } from '../contract';

/** The system's open and save dialogs: paths are picked, never typed. */
export const dialogs = {
  open: (kind: FileKind, title: string) => call<string | null>('dialog_open', { kind, title, zh: language() === 'zh' }),
  save: (kind: FileKind, title: string, fileName: string) =>
    call<SaveTarget | null>('dialog_save', { kind, title, fileName, zh: language() === 'zh' }),
};
