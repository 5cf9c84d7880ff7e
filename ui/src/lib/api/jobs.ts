// Long jobs (imports, exports, the manager's report): the page names each
// run and hands the command a channel; the core pushes its progress down the
// channel as it moves (no polling) and `job_cancel` stops it by name.
import { Channel } from '@tauri-apps/api/core';
import { call } from './ipc';
import type { Progress } from '../contract';
export type { Progress } from '../contract';

export interface JobRun {
  /** The arguments every job command takes besides its own. */
  args: { job: string; onProgress: Channel<Progress> };
  /** Stops the job at its next step (it then rolls back and reports `cancelled`). */
  cancel: () => Promise<boolean>;
}

let next = 0;

/** A new run whose progress is handed to `onProgress`. */
export function startJob(onProgress: (p: Progress) => void): JobRun {
  const job = `job-${Date.now()}-${next++}`;
  const channel = new Channel<Progress>();
  channel.onmessage = onProgress;
  return {
    args: { job, onProgress: channel },
    cancel: () => call<boolean>('job_cancel', { id: job }),
  };
}
