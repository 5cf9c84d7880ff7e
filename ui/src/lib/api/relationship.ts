import { call } from './ipc';
import type { Assessment, AssessmentDraft, BoardSort, Customer, Dimension, FollowUp, KeyBoard, RelationshipCard, Scales } from '../types';

let scalesCache: Promise<Scales> | null = null;

export const relationship = {
  get: (customerId: string) => call<RelationshipCard>('relationship_get', { customerId }),
  /** The level descriptions never change while the app runs: fetched once. */
  scales: () => (scalesCache ??= call<Scales>('relationship_scales').catch((err) => {
    scalesCache = null;
    throw err;
  })),
  assess: (customerId: string, draft: AssessmentDraft) => call<Assessment>('assessments_create', { customerId, draft }),
  /** Corrects an assessment: same id, same rules. */
  updateAssessment: (id: string, draft: AssessmentDraft) => call<Assessment>('assessments_update', { id, draft }),
  planFollowUp: (assessmentId: string, dimension: Dimension, step: number) =>
    call<FollowUp>('assessments_plan_followup', { assessmentId, dimension, step }),
  setKey: (customerId: string, isKey: boolean) => call<Customer>('customers_set_key', { customerId, isKey }),
  board: (sort: BoardSort, limit = 200) => call<KeyBoard>('key_board', { sort, limit }),
};
