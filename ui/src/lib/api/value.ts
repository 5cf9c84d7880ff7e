import { call } from './ipc';
import type { Deal, DealDraft, SatisfactionCheck, SatisfactionDraft, Tier, TierChange, ValueBoard, ValueDetail } from '../types';

export const value = {
  get: (customerId: string) => call<ValueDetail>('value_get', { customerId }),
  recordDeal: (customerId: string, draft: DealDraft) => call<Deal>('deals_create', { customerId, draft }),
  decideTier: (customerId: string, tier: Tier, reason: string) =>
    call<TierChange>('tiers_decide', { customerId, tier, reason }),
  recordSatisfaction: (customerId: string, draft: SatisfactionDraft) =>
    call<SatisfactionCheck>('satisfaction_create', { customerId, draft }),
  board: (sinceDays: number) => call<ValueBoard>('value_board', { sinceDays }),
};
