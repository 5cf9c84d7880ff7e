import { call } from './ipc';
import type { Customer, CustomerCard, CustomerDetail, ListPage, ListQuery, Picked } from '../types';
import type { BulkAction } from '../contract';
export type { BulkAction } from '../contract';

export const customers = {
  list: (query: ListQuery) => call<ListPage>('customers_list', { query }),
  /** Every customer the filters match, in name order (sort and window aside). */
  listIds: (query: Omit<ListQuery, 'offset' | 'limit'>) =>
    call<Picked[]>('customers_list_ids', { query: { ...query, offset: 0, limit: 0 } }),
  tags: () => call<string[]>('customers_tags'),
  get: (id: string) => call<CustomerDetail>('customers_get', { id }),
  create: (card: CustomerCard) => call<Customer>('customers_create', { card }),
  update: (id: string, card: CustomerCard) => call<Customer>('customers_update', { id, card }),
  remove: (id: string) => call<void>('customers_delete', { id }),
  /** One action on many customers, in one step; returns how many changed. */
  bulk: (ids: string[], action: BulkAction) => call<number>('customers_bulk', { ids, action }),
};
