// Words an error in the user's language: the field's label plus the broken
// rule for invalid input, a sentence per code otherwise.
import { BatonError, toBatonError } from './api/ipc';
import { hasMessage, t, type MessageKey } from './i18n/index.svelte';

/** The label of a dotted field path such as `customer.tags[2]` or `person.known_by[0].name`. */
export function fieldLabel(field: string): string {
  const parts = field.split('.');
  const index = field.match(/\[(\d+)\]/);
  const plain = field.replace(/\[\d+\]/g, '');
  const candidates = [plain, parts.length > 2 ? `${parts.at(-2)?.replace(/\[\d+\]/, '')}.${parts.at(-1)}` : ''];
  if (plain.includes('competitors.')) candidates.unshift(`competitor.${parts.at(-1)}`);
  if (plain.includes('known_by.')) candidates.unshift(`known_by.${parts.at(-1)}`);
  for (const c of candidates) {
    const key = `field.${c}`;
    if (c && hasMessage(key)) return index ? `${t(key)} #${Number(index[1]) + 1}` : t(key);
  }
  return field;
}

export function describeError(err: unknown): string {
  const e: BatonError = toBatonError(err);
  if (e.code === 'invalid' && e.field && e.rule) {
    const ruleKey = `rule.${e.rule.rule}`;
    const reason = hasMessage(ruleKey) ? t(ruleKey, e.rule as unknown as Record<string, string | number>) : e.message;
    return t('error.invalid', { field: fieldLabel(e.field), reason });
  }
  // An OS error on a file says what happened to which file, in the user's
  // language, instead of the raw English OS text.
  if (e.code === 'io' && e.ioKind && e.ioKind !== 'other' && e.path) {
    return t(`error.io.${e.ioKind}` as MessageKey, { path: e.path });
  }
  const key = `error.${e.code}`;
  const params = { message: e.message, path: e.path ?? '' };
  return hasMessage(key) ? t(key as MessageKey, params) : t('error.unexpected', params);
}

/** The form field an error belongs to (without the `customer.` root), if any. */
export function errorField(err: unknown): string | null {
  const e = toBatonError(err);
  if (e.code !== 'invalid' || !e.field) return null;
  return e.field.split('.').slice(1).join('.').replace(/\[\d+\].*$/, '') || null;
}
