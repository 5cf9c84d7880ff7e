// Mirrors of the core's search types (src/search/): what the palette sends
// and the hits it shows. Re-exported by types.ts.
import type { Status, Tier } from './types';

// Global search (src/search.rs).
export type HitKind = 'customer' | 'person' | 'contact' | 'note' | 'unfiled';

export interface Piece {
  text: string;
  mark: boolean;
}

export interface Hit {
  kind: HitKind;
  record_id: string;
  customer_id: string;
  customer_name: string;
  title: Piece[];
  context: Piece[];
  /** The customer's tier (none for the tray's people). */
  tier: Tier | null;
  /** A person's job title and phone (empty for other kinds). */
  person_title: string;
  phone: string;
}

export interface SearchGroup {
  kind: HitKind;
  hits: Hit[];
  more: boolean;
}

export interface SearchQuery {
  text: string;
  tier: Tier | null;
  status: Status | null;
  key_only: boolean;
  owner: string | null;
  tag: string | null;
  dormant: boolean;
  limit: number;
}
