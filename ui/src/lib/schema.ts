// Which fields each form shows, grouped as on the paper customer profile
// card (客户资料卡). Forms and the read-only card both render from this, so a
// field added here appears everywhere at once.
import { AGE_BANDS, ATTITUDES, CHANNELS, LAYERS, ROLES, STATUSES } from './types';
import type { MessageKey } from './i18n/index.svelte';

export type FieldKind =
  | { kind: 'text' }
  | { kind: 'textarea' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'bool' }
  | { kind: 'tags' }
  | { kind: 'select'; options: readonly (string | number)[]; labelPrefix: string; optional: boolean }
  | { kind: 'list'; item: 'competitor' | 'known_by' };

export type FieldSpec = FieldKind & {
  key: string;
  required?: boolean;
  /** Private facts about people, left out of the manager's file by default. */
  private?: boolean;
  /** Shown only when this returns true for the card being edited. */
  when?: (card: Record<string, unknown>) => boolean;
  wide?: boolean;
};

export interface Section {
  title: MessageKey;
  fields: FieldSpec[];
}

const text = (key: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, kind: 'text', ...extra }) as FieldSpec;
const area = (key: string, extra: Partial<FieldSpec> = {}): FieldSpec =>
  ({ key, kind: 'textarea', wide: true, ...extra }) as FieldSpec;
const select = (key: string, options: readonly (string | number)[], labelPrefix: string, optional = true): FieldSpec => ({
  key,
  kind: 'select',
  options,
  labelPrefix,
  optional,
});

export const customerSections: Section[] = [
  {
    title: 'section.basic',
    fields: [
      text('name', { required: true, wide: true }),
      text('short_name'),
      text('industry'),
      text('region'),
      text('phone'),
      text('address', { wide: true }),
      text('website'),
      { key: 'tags', kind: 'tags' },
      area('notes'),
    ],
  },
  {
    title: 'section.standing',
    fields: [
      select('status', STATUSES, 'status', false),
      { key: 'is_key', kind: 'bool' },
      text('owner'),
      area('lost_reason', { when: (c) => c.status === 'lost', required: true }),
    ],
  },
  {
    title: 'section.characteristics',
    fields: [
      { key: 'staff_count', kind: 'number' },
      { key: 'serving_staff', kind: 'number' },
      text('revenue_band'),
      { key: 'founded_on', kind: 'date' },
      select('importance', [1, 2, 3, 4, 5], 'importance'),
      area('operating_condition'),
      area('organisation'),
      area('culture'),
      area('industry_standing'),
      area('prospects'),
    ],
  },
  {
    title: 'section.needs',
    fields: [area('need_stated'), area('need_real'), area('need_unstated'), area('need_delight'), area('need_secret')],
  },
  { title: 'section.competitors', fields: [{ key: 'competitors', kind: 'list', item: 'competitor', wide: true }] },
];

export const personSections: Section[] = [
  {
    title: 'section.contact',
    fields: [
      text('name', { required: true }),
      text('title'),
      text('department'),
      text('phone'),
      text('email'),
      text('messaging_id'),
      select('preferred_channel', CHANNELS, 'channel'),
    ],
  },
  {
    title: 'section.decision',
    fields: [select('role', ROLES, 'role'), select('attitude', ATTITUDES, 'attitude')],
  },
  {
    title: 'section.person_profile',
    fields: [
      select('age_band', AGE_BANDS, 'age_band'),
      { key: 'birthday', kind: 'date', private: true },
      text('origin'),
      text('education'),
      area('personality'),
      area('interests'),
      area('experience'),
      area('background', { private: true }),
      area('notes', { private: true }),
    ],
  },
  { title: 'section.relationship', fields: [{ key: 'known_by', kind: 'list', item: 'known_by', wide: true }] },
];

export const LAYER_OPTIONS = LAYERS;
