// Words each reason behind a tier suggestion in the user's language.
import { language, t } from './i18n/index.svelte';
import { formatMoney } from './money';
import type { Reason } from './types';

export function reasonText(r: Reason, currency = 'CNY'): string {
  switch (r.reason) {
    case 'gone_quiet':
      return t('reason.gone_quiet', { amount: formatMoney(r.lifetime, currency, language()) });
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
