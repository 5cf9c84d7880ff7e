import { call } from './ipc';
import type { JobRun } from './jobs';
import type { ReportPreview, ReportRequest, ReportWritten } from '../types';

/** The file for the manager: preview its contents, write it. */
export const report = {
  preview: (request: ReportRequest) => call<ReportPreview>('report_preview', { request }),
  export: (request: ReportRequest, job: JobRun) => call<ReportWritten[]>('report_export', { request, ...job.args }),
};
