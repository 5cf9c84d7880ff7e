import { call } from './ipc';
import type { Settings } from '../types';

export const settings = {
  get: () => call<Settings>('settings_get'),
  save: (value: Settings) => call<Settings>('settings_save', { settings: value }),
};
