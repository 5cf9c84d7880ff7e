// The core's types as the UI uses them. The types themselves are generated
// from Rust (./contract, by src-tauri/src/contract.rs) and only re-exported
// here; this file adds the lists menus need and the empty forms.
import type {
  AgeBand, Attitude, Channel, ContactDraft, CustomerCard, DealKind, Dimension, Language, Layer, NoteDraft, Objection,
  PersonCard, RecordKind, RelationshipType, Role, Standing, Status, Tier,
} from './contract';

export type * from './contract';

/**
 * A Rust enum's values as a list for menus, checked against the generated
 * union: a value added in Rust and missing here fails to compile.
 */
export function every<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'misses a value')) => list;
}

export const STATUSES = every<Status>()(['prospect', 'active', 'dormant', 'lost'] as const);
export const TIERS = every<Tier>()(['S', 'A', 'B', 'C'] as const);
export const ROLES = every<Role>()(['decision_maker', 'influencer', 'technical_evaluator', 'user', 'gatekeeper', 'coach'] as const);
export const ATTITUDES = every<Attitude>()(['supporter', 'neutral', 'opponent'] as const);
export const AGE_BANDS = every<AgeBand>()(['under_30', '30s', '40s', '50s', '60_plus'] as const);
export const CHANNELS = every<Channel>()(['phone', 'visit', 'meeting', 'email', 'message', 'event', 'meal', 'other'] as const);
export const LAYERS = every<Layer>()(['everyday', 'senior', 'organisational'] as const);
export const LANGUAGES = every<Language>()(['system', 'zh', 'en'] as const);

export const STANDINGS = every<Standing>()(['prospect', 'new', 'active', 'dormant', 'lost'] as const);

/** What the trash holds and restores: any kind of record (`trash::TrashKind`). */
export type TrashKind = RecordKind;

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

export const OBJECTIONS = every<Objection>()(['price', 'already_have', 'not_in_charge', 'send_material', 'other'] as const);

/** A new contact, happening now, by phone. */
export function emptyContact(now = new Date()): ContactDraft {
  return {
    happened_at: now.toISOString(), channel: 'phone', person_ids: [], subject: '', summary: '', outcome: '',
    objection: null, objection_note: '', in_charge_person_id: null, next_step: '', next_due: null,
  };
}

export const DEAL_KINDS = every<DealKind>()(['quote', 'order', 'contract', 'payment', 'return'] as const);

// The six-dimension relationship card (src/relationship.rs, key_board.rs,
// dependence.rs, dimensions.rs).
export const DIMENSIONS = every<Dimension>()(['acceptance', 'events', 'information', 'guidance', 'support', 'competition'] as const);
export const RELATIONSHIP_TYPES = every<RelationshipType>()(['basic', 'reactive', 'accountable', 'proactive', 'partner'] as const);

/** The handover note's four texts, in the order the form shows them. */
export const NOTE_FIELDS = ['key_relationships', 'open_promises', 'risks', 'next_steps'] as const satisfies readonly (keyof NoteDraft)[];
