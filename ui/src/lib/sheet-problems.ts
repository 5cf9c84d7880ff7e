// Words the check step's warnings and refused rows in the user's language,
// from the data the core sends with them (its `message`/`reason` is the
// English sentence the command line prints).
import { hasMessage, t, type MessageKey } from './i18n/index.svelte';
import type { SheetRejected, SheetWarning } from './types';

/** Why a row was refused: the broken rule in the user's words, else the core's sentence. */
export function rejectedReason(r: SheetRejected): string {
  if (r.rule) {
    const key = `rule.${r.rule.rule}`;
    if (hasMessage(key)) return t(key as MessageKey, r.rule as unknown as Record<string, string | number>);
  }
  return r.reason;
}

/** The column a warning is about: its header, or the field's name. */
export function warningColumn(w: SheetWarning): string {
  return w.field ? t(`sheet.field.${w.field}` as MessageKey) : w.column;
}

/** What was kept, and where, in the user's words. */
export function warningText(w: SheetWarning): string {
  switch (w.why) {
    case 'unread': {
      const kept = t(w.kept_in === 'person' ? 'sheet.why.kept_person' : 'sheet.why.kept_customer');
      const map = w.mappable ? t('sheet.why.map_it') : '';
      return `${t(`sheet.why.unread_${w.expected}` as MessageKey, { value: w.value })}${kept}${map}`;
    }
    case 'day_out_of_range':
      return `${t('sheet.why.day_out_of_range', { value: w.value, min: w.min, max: w.max })}${t('sheet.why.kept_customer')}`;
    case 'no_day':
      return `${t(`sheet.why.no_day_${w.of}` as MessageKey, { value: w.value })}${t('sheet.why.kept_customer')}`;
    case 'differs':
      return t('sheet.why.differs', { value: w.value, kept: w.kept, line: w.first_line });
    case 'notes_full':
      return t('sheet.why.notes_full', { max: w.max });
    default:
      return (w as SheetWarning).message;
  }
}
