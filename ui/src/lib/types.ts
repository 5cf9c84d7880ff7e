// Mirrors of the core's Rust types (src/*.rs). Field names are the serde
// names; keep them in step with the Rust structs.

export const STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
export type Status = (typeof STATUSES)[number];
export const TIERS = ['S', 'A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];
export const ROLES = ['decision_maker', 'influencer', 'technical_evaluator', 'user', 'gatekeeper', 'coach'] as const;
export type Role = (typeof ROLES)[number];
export const ATTITUDES = ['supporter', 'neutral', 'opponent'] as const;
export type Attitude = (typeof ATTITUDES)[number];
export const AGE_BANDS = ['under_30', '30s', '40s', '50s', '60_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const CHANNELS = ['phone', 'visit', 'meeting', 'email', 'message', 'event', 'meal', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LAYERS = ['everyday', 'senior', 'organisational'] as const;
export type Layer = (typeof LAYERS)[number];
export const LANGUAGES = ['system', 'zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Competitor {
  name: string;
  notes: string;
}

export interface CustomerCard {
  name: string;
  short_name: string;
  industry: string;
  region: string;
  address: string;
  phone: string;
  website: string;
  tags: string[];
  notes: string;
  staff_count: number | null;
  revenue_band: string;
  operating_condition: string;
  founded_on: string | null;
  organisation: string;
  culture: string;
  industry_standing: string;
  prospects: string;
  importance: number | null;
  need_stated: string;
  need_real: string;
  need_unstated: string;
  need_delight: string;
  need_secret: string;
  competitors: Competitor[];
  status: Status;
  lost_reason: string;
  tier: Tier | null;
  is_key: boolean;
  owner: string;
  serving_staff: number | null;
}

interface Stamped {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type Customer = CustomerCard & Stamped;

export interface KnownBy {
  name: string;
  layer: Layer;
}

export interface PersonCard {
  name: string;
  title: string;
  department: string;
  phone: string;
  email: string;
  messaging_id: string;
  birthday: string | null;
  role: Role | null;
  attitude: Attitude | null;
  personality: string;
  interests: string;
  experience: string;
  background: string;
  age_band: AgeBand | null;
  origin: string;
  education: string;
  preferred_channel: Channel | null;
  known_by: KnownBy[];
  notes: string;
}

export type Person = PersonCard & Stamped & { customer_id: string };

export interface CustomerChange {
  id: string;
  customer_id: string;
  field: 'owner' | 'status';
  old_value: string;
  new_value: string;
  changed_at: string;
  changed_by: string;
}

export interface CustomerDetail {
  customer: Customer;
  /** Where it stands, by the same rule as the list's badge. */
  standing: Standing;
  people: Person[];
  changes: CustomerChange[];
  followups: FollowUp[];
  /** person id → when we last had a contact with them */
  last_contact: Record<string, string>;
  /** What the header answers at a glance (`glance::Glance`). */
  glance: Glance;
}

/** The customer card's header facts (`glance::Glance`). */
export interface Glance {
  weight: number | null;
  weight_change: number | null;
  dependence: number;
  dependence_level: 'low' | 'medium' | 'high';
  red_flags: string[];
  last_contact_on: string | null;
  suggested_tier: Tier | null;
}

/** Where a customer stands by what happened: the core's one rule (activity.rs). */
export type Standing = 'prospect' | 'new' | 'active' | 'dormant' | 'lost';
export const STANDINGS: Standing[] = ['prospect', 'new', 'active', 'dormant', 'lost'];


export type TrashKind =
  | 'customer'
  | 'person'
  | 'contact'
  | 'deal'
  | 'follow_up'
  | 'satisfaction_check'
  | 'assessment'
  | 'handover_note';

export interface TrashItem {
  kind: TrashKind;
  id: string;
  /** The name, subject, title, comment or first words. */
  name: string;
  customer_name: string | null;
  /** When it happened or is due. */
  day: string | null;
  amount_minor: number | null;
  currency: string | null;
  /** The deal kind, the channel, the rating (1-5) or the assessor. */
  detail: string | null;
  deleted_at: string;
}

export interface Settings {
  user_name: string;
  language: Language;
  currency: string;
  dormant_days: number;
  value_window_days: number;
  dimensions: Dimension[];
  dimension_weights: Partial<Record<Dimension, number>>;
  reassess_days: number;
  /** Desktop notifications of follow-ups falling due. */
  reminders: boolean;
  /** Quiet hours, `HH:MM` local time (may span midnight); both empty: none. */
  quiet_from: string;
  quiet_to: string;
}

export interface AppInfo {
  version: string;
  book_path: string;
  open_error: import('./api/ipc').IpcErrorData | null;
  system_locale: string;
  empty: boolean;
  documents_dir: string;
  /** The book is read-only (file or medium): it can be looked at, not changed. */
  read_only: boolean;
  /** A handover file to preview at once (the app was opened on it). */
  open_file: string | null;
}

export function emptyCustomer(): CustomerCard {
  return {
    name: '', short_name: '', industry: '', region: '', address: '', phone: '', website: '', tags: [], notes: '',
    staff_count: null, revenue_band: '', operating_condition: '', founded_on: null, organisation: '', culture: '',
    industry_standing: '', prospects: '', importance: null, need_stated: '', need_real: '', need_unstated: '',
    need_delight: '', need_secret: '', competitors: [], status: 'prospect', lost_reason: '', tier: null,
    is_key: false, owner: '', serving_staff: null,
  };
}

export function emptyPerson(): PersonCard {
  return {
    name: '', title: '', department: '', phone: '', email: '', messaging_id: '', birthday: null, role: null,
    attitude: null, personality: '', interests: '', experience: '', background: '', age_band: null, origin: '',
    education: '', preferred_channel: null, known_by: [], notes: '',
  };
}

/**
 * The editable part of a stored record (drops id and timestamps), as a plain
 * deep copy. JSON rather than structuredClone: records held in Svelte state
 * are proxies, which structuredClone refuses.
 */
export function cardOf<T extends object>(record: T, template: () => object): T {
  const card: Record<string, unknown> = {};
  for (const key of Object.keys(template())) {
    const value = (record as Record<string, unknown>)[key];
    card[key] = value === undefined ? null : JSON.parse(JSON.stringify(value));
  }
  return card as T;
}

export const OBJECTIONS = ['price', 'already_have', 'not_in_charge', 'send_material', 'other'] as const;
export type Objection = (typeof OBJECTIONS)[number];

export interface ContactDraft {
  happened_at: string;
  channel: Channel;
  person_ids: string[];
  subject: string;
  summary: string;
  outcome: string;
  objection: Objection | null;
  objection_note: string;
  in_charge_person_id: string | null;
  next_step: string;
  next_due: string | null;
}

export type Contact = ContactDraft & Stamped & { customer_id: string };

export type TimelineEntry =
  | ({ entry: 'contact' } & Contact)
  | ({ entry: 'change' } & CustomerChange)
  | ({ entry: 'deal' } & Deal)
  | ({ entry: 'follow_up' } & FollowUpChange);
export type EntryKind = 'contact' | 'change' | 'deal' | 'follow_up';

export type FollowUpAction = 'rescheduled' | 'cancelled' | 'reopened' | 'done' | 'edited';

/** One change of a follow-up, on the timeline. */
export interface FollowUpChange {
  id: string;
  customer_id: string;
  followup_id: string;
  action: FollowUpAction;
  title: string;
  old_due: string | null;
  new_due: string | null;
  reason: string;
  changed_at: string;
  changed_by: string;
}

/** Where a reschedule moves a follow-up. */
export type Reschedule = { to: string } | 'plus_day' | 'plus_week' | 'next_monday';

export interface TimelineCursor {
  at: string;
  id: string;
}

export interface TimelineQuery {
  kinds: EntryKind[];
  person_id: string | null;
  after: TimelineCursor | null;
  limit: number;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  next: TimelineCursor | null;
}

export interface FollowUp {
  id: string;
  customer_id: string;
  contact_id: string | null;
  title: string;
  due_on: string;
  done_at: string | null;
  done_contact_id: string | null;
  cancelled_at: string | null;
  cancel_reason: string;
  deleted_at: string | null;
}

/** The key person a follow-up is with. */
export interface PersonBrief {
  id: string;
  name: string;
  title: string;
  phone: string;
}

export type FollowUpItem = FollowUp & {
  customer_name: string;
  customer_tier: Tier | null;
  customer_is_key: boolean;
  person: PersonBrief | null;
  /** When it was promised (the contact it came from, else when it was made). */
  promised_at: string;
};

/** What to do with the old backlog at once. */
export type Backlog = { reschedule: Reschedule } | { cancel: string };

export interface FollowUpGroup {
  total: number;
  items: FollowUpItem[];
}

export interface Board {
  today: string;
  today_items: FollowUpGroup;
  overdue: FollowUpGroup;
  overdue_week: FollowUpGroup;
  overdue_month: FollowUpGroup;
  overdue_older: FollowUpGroup;
  upcoming: FollowUpGroup;
}

/** A new contact, happening now, by phone. */
export function emptyContact(now = new Date()): ContactDraft {
  return {
    happened_at: now.toISOString(), channel: 'phone', person_ids: [], subject: '', summary: '', outcome: '',
    objection: null, objection_note: '', in_charge_person_id: null, next_step: '', next_due: null,
  };
}

export const DEAL_KINDS = ['quote', 'order', 'contract', 'payment', 'return'] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

export interface DealDraft {
  kind: DealKind;
  occurred_on: string;
  amount_minor: number;
  currency: string;
  description: string;
}

export type Deal = DealDraft & Stamped & { customer_id: string };

export type Reason =
  | { reason: 'scale_top'; percent: number; points: number }
  | { reason: 'scale_low' }
  | { reason: 'no_purchases' }
  | { reason: 'importance'; level: number; points: number }
  | { reason: 'longevity'; years: number; points: number }
  | { reason: 'per_head'; amount: number; points: number }
  | { reason: 'frequent'; purchases: number; points: number }
  | { reason: 'dormant'; days: number | null; points: number }
  | { reason: 'lost' }
  | { reason: 'gone_quiet'; lifetime: number };

export interface ValuePicture {
  rfm: {
    currency: string;
    window_days: number;
    first_purchase: string | null;
    last_purchase: string | null;
    purchases_in_window: number;
    total_amount: number;
    window_amount: number;
    other_currency_deals: number;
  };
  activity: { standing: Standing; dormant: boolean; days_since: number | null; last_contact: string | null; threshold_days: number };
  suggestion: { tier: Tier; points: number; reasons: Reason[]; at_risk: boolean };
  tier: Tier | null;
}

export interface TierChange {
  id: string;
  old_tier: Tier | null;
  new_tier: Tier | null;
  suggested_tier: Tier | null;
  reason: string;
  decided_at: string;
  decided_by: string;
}

export interface ValueDetail {
  picture: ValuePicture;
  deals: Deal[];
  tier_history: TierChange[];
  satisfaction: SatisfactionCheck[];
}

export interface SatisfactionDraft {
  checked_on: string;
  rating: number;
  comment: string;
}

export type SatisfactionCheck = SatisfactionDraft & { id: string; customer_id: string };

export interface PyramidLevel {
  tier: Tier | null;
  customers: number;
  revenue: number;
  customers_before: number;
}

export interface ValueBoard {
  pyramid: { since: string; currency: string; levels: PyramidLevel[] };
  pareto: {
    currency: string;
    total_revenue: number;
    customers_with_revenue: number;
    customers_for_80: number;
    top: { customer_id: string; name: string; tier: Tier | null; revenue: number; cumulative_permille: number }[];
  };
  dormant_total: number;
  dormant: { customer_id: string; name: string; tier: Tier | null; last_activity: string | null }[];
}

// The six-dimension relationship card (src/relationship.rs, key_board.rs,
// dependence.rs, dimensions.rs).
export const DIMENSIONS = ['acceptance', 'events', 'information', 'guidance', 'support', 'competition'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const RELATIONSHIP_TYPES = ['basic', 'reactive', 'accountable', 'proactive', 'partner'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface PlanStep {
  step: string;
  due_on: string | null;
  done: boolean;
  followup_id?: string;
}

export interface DimensionScore {
  dimension: Dimension;
  score: number;
  evidence: string;
  contact_ids: string[];
  target: number | null;
  target_on: string | null;
  plan: PlanStep[];
}

export interface AssessmentDraft {
  assessed_on: string;
  assessor: string;
  layer: Layer | null;
  relationship_type: RelationshipType | null;
  scores: DimensionScore[];
  notes: string;
}

export type Assessment = AssessmentDraft & { id: string; customer_id: string; created_at: string; updated_at: string; deleted_at: string | null };

export interface Weighed {
  assessment: Assessment;
  weight: number | null;
}

export interface Due {
  due_on: string;
  overdue_days: number;
  never: boolean;
}

export type CardState = 'current' | 'none' | { stale: { days: number } };

export type DependenceReason =
  | { reason: 'people'; count: number; off: number }
  | { reason: 'roles'; covered: Role[]; decision_maker: boolean; off: number }
  | { reason: 'layers'; layers: Layer[]; off: number }
  | { reason: 'recent'; contacted: number; of: number; days: number; off: number }
  | { reason: 'colleagues'; count: number; off: number }
  | { reason: 'card'; state: CardState; off: number };

/** The core's one wording of the score: never 'low' while a red flag stands. */
export type DependenceLevel = 'low' | 'medium' | 'high';
export type RedFlag = 'no_decision_maker' | 'one_person';

export interface Dependence {
  score: number;
  level: DependenceLevel;
  red_flags: RedFlag[];
  reasons: DependenceReason[];
}

export interface Cited {
  id: string;
  happened_at: string;
  subject: string;
}

export interface RelationshipCard {
  is_key: boolean;
  cited: Cited[];
  assessments: Weighed[];
  due: Due;
  dimensions: Dimension[];
  dependence: Dependence;
}

export interface Scale {
  dimension: Dimension;
  name: string;
  question: string;
  levels: string[];
}

export interface Scales {
  zh: Scale[];
  en: Scale[];
}

export type BoardSort = 'weight' | 'change' | 'overdue';

export interface KeyBoardRow {
  customer_id: string;
  name: string;
  tier: Tier | null;
  weight: number | null;
  previous_weight: number | null;
  change: number | null;
  assessed_on: string | null;
  due: Due;
  dependence: number;
  dependence_level: DependenceLevel;
}

export interface KeyBoard {
  total: number;
  due_now: number;
  rows: KeyBoardRow[];
}

// Handover notes, files, checklists and the conflict log live in
// handover-types.ts (re-exported here so callers import from one place).
export * from './handover-types';
export * from './report-types';
export * from './sheet-types';
export * from './search-types';
export * from './list-types';
