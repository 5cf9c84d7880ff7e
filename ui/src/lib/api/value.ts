import { call } from './ipc';
import type { Deal, DealDraft, SatisfactionCheck, SatisfactionDraft, Tier, TierChange, ValueBoard, ValueDetail } from '../types';

export const value = {
  get: (customerId: string) => call<ValueDetail>('value_get', { customerId }),
  recordDeal: (customerId: string, draft: DealDraft) => call<Deal>('deals_create', { customerId, draft }),
  /** Corrects a deal: same id, same rules. */
  updateDeal: (id: string, draft: DealDraft) => call<Deal>('deals_update', { id, draft }),
  decideTier: (customerId: string, tier: Tier, reason: string) =>
    call<TierChange>('tiers_decide', { customerId, tier, reason }),
  recordSatisfaction: (customerId: string, draft: SatisfactionDraft) =>
    call<SatisfactionCheck>('satisfaction_create', { customerId, draft }),
  updateSatisfaction: (id: string, draft: SatisfactionDraft) =>
    call<SatisfactionCheck>('satisfaction_update', { id, draft }),
  board: (sinceDays: number) => call<ValueBoard>('value_board', { sinceDays }),
};
