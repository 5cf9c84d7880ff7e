import { call } from './ipc';
import type { Customer, CustomerCard, CustomerDetail, ListPage, ListQuery } from '../types';

export const customers = {
  list: (query: ListQuery) => call<ListPage>('customers_list', { query }),
  tags: () => call<string[]>('customers_tags'),
  get: (id: string) => call<CustomerDetail>('customers_get', { id }),
  create: (card: CustomerCard) => call<Customer>('customers_create', { card }),
  update: (id: string, card: CustomerCard) => call<Customer>('customers_update', { id, card }),
  remove: (id: string) => call<void>('customers_delete', { id }),
};
