// Mirrors of the core's handover types (src/handover/, src/handover_notes.rs,
// src/checklist.rs). Field names are the serde names.
import type { Standing, Tier } from './types';

// Handover notes (src/handover_notes.rs).
export interface NoteDraft {
  key_relationships: string;
  open_promises: string;
  risks: string;
  next_steps: string;
}

export type HandoverNote = NoteDraft & {
  id: string;
  customer_id: string;
  written_by: string;
  created_at: string;
  updated_at: string;
};

export const NOTE_FIELDS = ['key_relationships', 'open_promises', 'risks', 'next_steps'] as const;

// Handover files and checklists (src/handover/, src/checklist.rs).
export interface HandoverHeader {
  format: string;
  format_version: number;
  app_version: string;
  exported_at: string;
  exported_by: string;
  scope: { whole_book: boolean; customers?: string[]; tiers?: string[]; tags?: string[]; statuses?: string[] };
  counts: Record<string, number>;
  payload_sha256: string;
}

export interface KindCounts {
  kind: string;
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface ImportConflict {
  kind: string;
  id: string;
  book_updated_at: string;
  file_updated_at: string;
  kept: 'book' | 'file';
}

/** What the import does to a customer's card (`handover::CardChange`). */
export type CardChange = 'new' | 'updated' | 'unchanged' | 'book_newer';

/** One customer of a handover file, as the preview lists it. */
export interface ListedCustomer {
  id: string;
  name: string;
  tier: string | null;
  owner: string;
  new_owner: string;
  card: CardChange;
  records_added: number;
  records_updated: number;
}

export interface ImportReport {
  header: HandoverHeader;
  counts: KindCounts[];
  conflicts: ImportConflict[];
  dry_run: boolean;
  backup: string | null;
  taken_over: number;
  /** The file's customers, in file order (the first thousand). */
  customers: ListedCustomer[];
  customers_total: number;
}

export type Task = 'meet_person' | 'confirm_followup' | 'reassess';

export interface ChecklistItemState {
  id: string;
  customer_id: string;
  task: Task;
  target_id: string | null;
  label: string;
  taken_over_by: string;
  taken_over_at: string;
  ticked_at: string | null;
  done: boolean;
}

export interface Checklist {
  customer_id: string;
  customer_name: string;
  items: ChecklistItemState[];
  done: number;
}

export interface HandoverOverview {
  without_notes_total: number;
  without_notes: [string, string][];
  checklists: Checklist[];
  documents_dir: string;
  can_undo: boolean;
}

export interface ExportRequest {
  path: string;
  /** These customers by id (with the tiers, standings and tags: any matches). */
  customers: string[];
  tiers: Tier[];
  statuses: Standing[];
  tags: string[];
  passphrase: string;
  /** The user agreed to replace an existing file (else `exists`). */
  replace?: boolean;
}

export interface ImportRequest {
  path: string;
  passphrase: string;
  dry_run: boolean;
  take_over: string;
}

export interface LoggedConflict {
  id: string;
  kind: string;
  record_id: string;
  kept: 'book' | 'file';
  other: Record<string, unknown>;
  current: Record<string, unknown> | null;
  differing: string[];
  created_at: string;
  resolved_at: string | null;
}
