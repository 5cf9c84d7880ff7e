import { call } from './ipc';
import type { Customer, CustomerCard, CustomerDetail, ListPage, ListQuery, Status } from '../types';

/** One action on many customers (`bulk::BulkAction`). */
export type BulkAction =
  | { action: 'tag'; tag: string }
  | { action: 'untag'; tag: string }
  | { action: 'set_owner'; owner: string }
  | { action: 'set_status'; status: Status; lost_reason?: string }
  | { action: 'set_key'; is_key: boolean }
  | { action: 'trash' };

export const customers = {
  list: (query: ListQuery) => call<ListPage>('customers_list', { query }),
  /** Every customer the filters match, in name order (sort and window aside). */
  listIds: (query: Omit<ListQuery, 'offset' | 'limit'>) =>
    call<{ id: string; name: string }[]>('customers_list_ids', { query: { ...query, offset: 0, limit: 0 } }),
  tags: () => call<string[]>('customers_tags'),
  get: (id: string) => call<CustomerDetail>('customers_get', { id }),
  create: (card: CustomerCard) => call<Customer>('customers_create', { card }),
  update: (id: string, card: CustomerCard) => call<Customer>('customers_update', { id, card }),
  remove: (id: string) => call<void>('customers_delete', { id }),
  /** One action on many customers, in one step; returns how many changed. */
  bulk: (ids: string[], action: BulkAction) => call<number>('customers_bulk', { ids, action }),
};
