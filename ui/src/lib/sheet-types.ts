// Mirrors of the core's spreadsheet-import types (src/sheet_import/) and the
// shell's sheet commands. Field names are the serde names.
import type { CustomerCard, PersonCard } from './types';

/** A Baton field a spreadsheet column can fill (`sheet_import::Field`). */
export type SheetField =
  | 'ignore'
  | 'customer_name'
  | 'short_name'
  | 'industry'
  | 'region'
  | 'address'
  | 'company_phone'
  | 'website'
  | 'tags'
  | 'notes'
  | 'customer_notes'
  | 'status'
  | 'tier'
  | 'staff_count'
  | 'founded_on'
  | 'owner'
  | 'person_name'
  | 'person_title'
  | 'person_department'
  | 'person_phone'
  | 'person_email'
  | 'person_messaging'
  | 'person_birthday'
  | 'person_notes'
  | 'person_family_name'
  | 'person_given_name';

/** What to do with a customer already in the book. */
export type DuplicateChoice = 'skip' | 'update' | 'create';

/** A sheet as read, with the mapping to start from. */
export interface SheetOpened {
  how: string;
  headers: string[];
  fields: SheetField[];
  all_fields: SheetField[];
  rows: number;
  sample: string[][];
  /** A workbook's sheets (empty for a text file). */
  sheets: string[];
}

export interface SheetRequest {
  path: string;
  fields: SheetField[];
  default_choice?: DuplicateChoice;
  choices?: Record<number, DuplicateChoice>;
  save_mapping?: boolean;
  /** The workbook's sheet to read (the first when absent). */
  sheet?: string | null;
  /** The sheet's words for enumerated values, by field: { tier: { 高级: 'A' } }. */
  values?: Partial<Record<SheetField, Record<string, string>>>;
}

export interface PlannedRow {
  index: number;
  customer: {
    lines: number[];
    card: CustomerCard;
    people: { line: number; card: PersonCard }[];
    duplicate: {
      customer_id: string;
      name: string;
      by: 'name' | 'phone' | 'email' | 'phone_in_file' | 'email_in_file';
      in_file: number | null;
    } | null;
    status_given: boolean;
  };
}

export interface SheetPlanned {
  customers: number;
  people: number;
  preview: PlannedRow[];
  duplicates_total: number;
  duplicates: PlannedRow[];
  rejected_total: number;
  rejected: { line: number; column: string; reason: string; cells: string[] }[];
  /** Optional values in words Baton does not know, kept in the notes. */
  warnings_total: number;
  warnings: { line: number; column: string; message: string }[];
  /** Words of enumerated columns Baton does not read, with how many rows use each. */
  unknown_values: { field: SheetField; value: string; rows: number }[];
}

export interface SheetReport {
  added: number;
  updated: number;
  skipped: number;
  people_added: number;
  people_updated: number;
  rejected: number;
  customer_ids: string[];
  backup: string | null;
  dry_run: boolean;
}
