// The customer list's chosen columns (issue 14): which figures each row
// shows beside the name, kept between sessions in the webview's storage
// (a view preference, never part of the book), and what each sorts by.
import type { SortBy } from './types';

export const LIST_COLUMNS = [
  'revenue',
  'last_contact',
  'next_step',
  'weight',
  'dependence',
  'owner',
  'region',
  'industry',
  'tags',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** The sort a column's header applies; tags are a set and do not sort. */
export const COLUMN_SORT: Record<ListColumn, SortBy | null> = {
  revenue: 'revenue',
  last_contact: 'last_contact',
  next_step: 'next_step',
  weight: 'weight',
  dependence: 'dependence',
  owner: 'owner',
  region: 'region',
  industry: 'industry',
  tags: null,
};

/** Whether a page must carry the computed figures (revenue, weight, dependence). */
export function needsFigures(columns: ListColumn[]): boolean {
  return columns.some((c) => c === 'revenue' || c === 'weight' || c === 'dependence');
}

/** Every sort the list offers, in the menu's order. */
export const SORTS: SortBy[] = [
  'name',
  'updated',
  'created',
  'tier',
  'status',
  'last_contact',
  'next_step',
  'revenue',
  'weight',
  'dependence',
  'owner',
  'region',
  'industry',
];

const KEY = 'baton:list-columns';

/** The kept choice; unknown names (from another version) are dropped. */
export function loadColumns(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ListColumn[] {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return LIST_COLUMNS.filter((c) => raw.includes(c));
  } catch {
    return [];
  }
}

export function saveColumns(columns: ListColumn[], storage: Pick<Storage, 'setItem'> | null = safeStorage()) {
  try {
    storage?.setItem(KEY, JSON.stringify(columns));
  } catch {
    // storage off or full: the choice lasts this session only
  }
}

/** Adds or removes one column, keeping the menu's order. */
export function toggleColumn(columns: ListColumn[], column: ListColumn): ListColumn[] {
  const on = columns.includes(column);
  return LIST_COLUMNS.filter((c) => (c === column ? !on : columns.includes(c)));
}

/** Clicking a column's header: sort by it, or flip the direction if it already does. */
export function headerSort(current: { sort: SortBy; descending: boolean }, column: ListColumn) {
  const sort = COLUMN_SORT[column];
  if (!sort) return current;
  if (current.sort === sort) return { sort, descending: !current.descending };
  // Figures read best largest first; days and names in their natural order.
  const descending = sort === 'revenue' || sort === 'weight' || sort === 'dependence' || sort === 'last_contact';
  return { sort, descending };
}

function safeStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
