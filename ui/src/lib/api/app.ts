import { Channel } from '@tauri-apps/api/core';
import { call } from './ipc';
import type { JobRun } from './jobs';
import type { PageEvent } from '../contract';
export type { PageEvent } from '../contract';

import type { AppInfo } from '../types';

export const app = {
  info: () => call<AppInfo>('app_info'),
  /** The demo book in `lang`, dated to today (the first run offers it). */
  fillDemo: (customers: number, lang: 'zh' | 'en', job: JobRun) =>
    call<void>('demo_fill', { customers, lang, ...job.args }),
  /** Tells the window whether closing it must ask first. */
  setUnsaved: (unsaved: boolean) => call<void>('app_set_unsaved', { unsaved }),
  /** Closes the window for good (after save or discard). */
  close: () => call<void>('app_close'),
  /** Calls a phone or writes to an address with the system's app; the core builds the link. */
  openLink: (kind: 'tel' | 'mailto', value: string) => call<string>('app_open_link', { kind, value }),
  /** Opens the support log's folder in the file manager. */
  openLogFolder: () => call<void>('app_open_log_folder'),
  /** Hears what happens outside the page (a reminder clicked). */
  events: (onEvent: (e: PageEvent) => void) => {
    const channel = new Channel<PageEvent>();
    channel.onmessage = onEvent;
    return call<void>('app_events', { onEvent: channel });
  },
};
