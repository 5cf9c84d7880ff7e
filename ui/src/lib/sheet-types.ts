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
  /** What becomes of people without a company who have no choice of their own. */
  unfiled_default?: UnfiledChoice;
  /** Choices by the plan's index of a person without a company. */
  unfiled?: Record<number, UnfiledChoice>;
}

/** What becomes of a person found without a company (`sheet_import::UnfiledChoice`). */
export type UnfiledChoice = 'keep' | 'skip' | 'guess' | { customer: string } | { new_customer: string };

/** Where a guessed company came from (`unfiled::GuessFrom`). */
export type GuessFrom = 'name' | 'title' | 'note' | 'email';

/** A company guessed for a person without one (`unfiled::Guess`). */
export interface Guess {
  company: string;
  from: GuessFrom;
  person_name: string;
  customer_id: string | null;
  customer_name: string | null;
}

/** A person without a company as the check step lists them. */
export interface UnfiledRow {
  index: number;
  line: number;
  card: PersonCard;
  guess: Guess | null;
  /** Already a customer's key person in the book (not added again). */
  filed_under: { customer_id: string; name: string; by: string } | null;
  /** Already in the unfiled tray (not added again). */
  in_tray: boolean;
}

/** A person waiting in the unfiled tray (`unfiled::UnfiledPerson`). */
export interface UnfiledPerson {
  id: string;
  card: PersonCard;
  guess: string;
  source: string;
  created_at: string;
  updated_at: string;
  /** The book's customer the guess names: [id, name]. */
  guess_customer: [string, string] | null;
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
  /** People without a company, each with a choice. */
  unfiled: UnfiledRow[];
}

export interface SheetReport {
  added: number;
  updated: number;
  skipped: number;
  people_added: number;
  people_updated: number;
  rejected: number;
  unfiled_kept: number;
  unfiled_filed: number;
  unfiled_skipped: number;
  customer_ids: string[];
  backup: string | null;
  dry_run: boolean;
}
