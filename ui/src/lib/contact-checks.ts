// Checks that help while typing a phone number or an email address: a
// warning next to the field, never a refusal (numbers abroad, extensions
// and old landlines are all real). Returns the message key, or null.
import type { MessageKey } from './i18n/index.svelte';

/** An unusual phone number: not a Chinese mobile or landline, nor an international number. */
export function phoneWarning(text: string): MessageKey | null {
  const t = text.trim();
  if (!t) return null;
  // Extensions (转 123, ext. 123, x123) are the number's own business.
  const main = t.split(/\s*(?:转|分机|ext\.?|x)\s*\d+$/i)[0];
  const digits = main.replace(/[\s\-().·/]/g, '');
  if (/^\+\d{7,15}$/.test(digits)) return null; // international (E.164)
  if (/^(?:0086|86)?1[3-9]\d{9}$/.test(digits)) return null; // Chinese mobile
  if (/^0\d{9,11}$/.test(digits)) return null; // Chinese landline with area code
  if (/^[2-9]\d{6,7}$/.test(digits)) return null; // local landline without area code
  return 'check.phone_unusual';
}

/** An email address that cannot be one: no @, no domain, spaces. */
export function emailWarning(text: string): MessageKey | null {
  const t = text.trim();
  if (!t) return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(t) ? null : 'check.email_invalid';
}

/** The warning for a field of a card, by its key. */
export function fieldWarning(key: string, value: unknown): MessageKey | null {
  if (typeof value !== 'string') return null;
  if (key === 'phone') return phoneWarning(value);
  if (key === 'email') return emailWarning(value);
  return null;
}
