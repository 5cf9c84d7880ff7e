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
  | 'person_given_name'
  | 'person_middle_name'
  | 'person_name_prefix'
  | 'person_name_suffix'
  | 'person_nickname'
  | 'last_contact_on'
  | 'contact_summary'
  | 'next_step'
  | 'next_step_on'
  | 'deal_amount'
  | 'deal_on';

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
  /** The sheets' words mapped before (高级 → A), by field. */
  values: Partial<Record<SheetField, Record<string, string>>>;
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
  /** Records the history columns make (before any already in the book). */
  contacts: number;
  followups: number;
  deals: number;
  preview: PlannedRow[];
  duplicates_total: number;
  duplicates: PlannedRow[];
  rejected_total: number;
  rejected: SheetRejected[];
  /** Optional values in words Baton does not know, kept in the notes. */
  warnings_total: number;
  warnings: SheetWarning[];
  /** Words of enumerated columns Baton does not read, with how many rows use each. */
  unknown_values: { field: SheetField; value: string; rows: number }[];
  /** The industry and tag (source) columns' words, to rename (机械 → 机械制造). */
  free_words: { field: SheetField; value: string; rows: number }[];
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
  contacts_added: number;
  followups_added: number;
  deals_added: number;
  unfiled_kept: number;
  unfiled_filed: number;
  unfiled_skipped: number;
  customer_ids: string[];
  backup: string | null;
  dry_run: boolean;
}

/** A row refused; `rule` is the broken rule when one was (`error::Rule`). */
export interface SheetRejected {
  line: number;
  column: string;
  reason: string;
  rule: ({ rule: string } & Record<string, unknown>) | null;
  cells: string[];
}

/** Why a value was kept elsewhere than its column meant (`sheet_import::Why`). */
export type SheetWhy =
  | { why: 'unread'; value: string; expected: 'date' | 'number' | 'status' | 'tier' | 'amount'; kept_in: 'customer' | 'person'; mappable: boolean }
  | { why: 'day_out_of_range'; value: string; min: string; max: string }
  | { why: 'no_day'; of: 'contact' | 'next_step' | 'order'; value: string }
  | { why: 'differs'; value: string; kept: string; first_line: number }
  | { why: 'notes_full'; max: number };

/** A warning of the check step (`sheet_import::Warning`): `message` is the English sentence. */
export type SheetWarning = { line: number; column: string; field: SheetField | null; message: string } & SheetWhy;
