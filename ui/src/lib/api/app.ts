import { call } from './ipc';
import type { AppInfo } from '../types';

export const app = {
  info: () => call<AppInfo>('app_info'),
  fillDemo: (customers: number) => call<void>('demo_fill', { customers }),
};
