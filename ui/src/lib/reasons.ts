// Words each reason behind a tier suggestion in the user's language.
import { t } from './i18n/index.svelte';
import type { Reason } from './types';

export function reasonText(r: Reason): string {
  switch (r.reason) {
    case 'dormant':
      return r.days === null ? t('reason.dormant_never', { points: r.points }) : t('reason.dormant', { days: r.days, points: r.points });
    case 'scale_low':
    case 'no_purchases':
    case 'lost':
      return t(`reason.${r.reason}`);
    default: {
      const { reason, ...params } = r;
      return t(`reason.${reason}`, params as Record<string, number>);
    }
  }
}
