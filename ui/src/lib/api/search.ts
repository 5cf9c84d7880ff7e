import { call } from './ipc';
import type { SearchGroup, SearchQuery } from '../types';

export const search = {
  run: (query: SearchQuery) => call<SearchGroup[]>('search', { query }),
};
