// The customer list's query and rows (customer_list in the core).
import type { Standing, Status, Tier } from './types';

export type SortBy =
  | 'name'
  | 'updated'
  | 'created'
  | 'tier'
  | 'status'
  | 'last_contact'
  | 'next_step'
  | 'revenue'
  | 'weight'
  | 'dependence'
  | 'owner'
  | 'region'
  | 'industry';

export interface ListQuery {
  status?: Status | null;
  standing: Standing | null;
  tier: Tier | null;
  tag: string | null;
  key_only: boolean;
  sort: SortBy;
  descending: boolean;
  offset: number;
  limit: number;
  /** Also compute revenue, weight and dependence for the rows. */
  figures?: boolean;
}

export interface ListRow {
  id: string;
  name: string;
  short_name: string;
  industry: string;
  region: string;
  status: Status;
  standing: Standing;
  tier: Tier | null;
  is_key: boolean;
  owner: string;
  tags: string[];
  people_count: number;
  updated_at: string;
  /** The day of the last live contact. */
  last_contact_on: string | null;
  /** The day of the earliest open follow-up. */
  next_due_on: string | null;
  /** Revenue in the value window, minor units of the book's currency (with `figures` only, as the two below). */
  revenue: number | null;
  /** The relationship's weight by the latest scored assessment; null when unassessed. */
  weight: number | null;
  /** The dependence score, as on the card. */
  dependence: number | null;
}

export interface ListPage {
  total: number;
  rows: ListRow[];
}
