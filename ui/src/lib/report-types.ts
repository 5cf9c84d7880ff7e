// Mirrors of the core's manager-report types (src/report/) and the shell's
// report commands. Field names are the serde names.
import type { Standing, Tier } from './types';

/** What goes into the manager's report (`report_preview` / `report_export`). */
export interface ReportRequest {
  lang: 'zh' | 'en';
  tiers: Tier[];
  statuses: Standing[];
  tags: string[];
  /** Customers picked by id (any if empty). */
  customers: string[];
  include_private: boolean;
  /** Where to write the workbook; empty: not written. */
  xlsx_path?: string;
  /** Where to write the visual report; empty: not written. */
  html_path?: string;
  /** The user agreed to replace existing files (else `exists`). */
  replace?: boolean;
}

/** Records per section of the report for a scope. */
export interface ReportPreview {
  customers: number;
  key_customers: number;
  people: number;
  contacts: number;
  deals: number;
  assessment_rows: number;
  overdue: number;
  include_private: boolean;
}

/** One report file written. */
export interface ReportWritten {
  path: string;
  sections: [string, number][];
  millis: number;
}
