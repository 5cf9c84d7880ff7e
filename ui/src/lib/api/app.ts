import { call } from './ipc';
import type { AppInfo } from '../types';

export const app = {
  info: () => call<AppInfo>('app_info'),
  fillDemo: (customers: number) => call<void>('demo_fill', { customers }),
  /** Tells the window whether closing it must ask first. */
  setUnsaved: (unsaved: boolean) => call<void>('app_set_unsaved', { unsaved }),
  /** Closes the window for good (after save or discard). */
  close: () => call<void>('app_close'),
};
