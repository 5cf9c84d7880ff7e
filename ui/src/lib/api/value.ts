import { call } from './ipc';
import type { Deal, DealDraft, Tier, TierChange, ValueDetail } from '../types';

export const value = {
  get: (customerId: string) => call<ValueDetail>('value_get', { customerId }),
  recordDeal: (customerId: string, draft: DealDraft) => call<Deal>('deals_create', { customerId, draft }),
  decideTier: (customerId: string, tier: Tier, reason: string) =>
    call<TierChange>('tiers_decide', { customerId, tier, reason }),
};
