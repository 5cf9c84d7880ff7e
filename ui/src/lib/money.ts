// Money: integers in minor units (分) in the core; shown with symbol and
// thousands separators (¥1,234,567.00); typed as decimals ("1234.5").
import type { Lang } from './i18n/index.svelte';

export function formatMoney(minor: number, currency: string, lang: Lang): string {
  try {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      style: 'currency',
      currency,
      // "¥" in both languages (en-US would otherwise write "CN¥").
      currencyDisplay: 'narrowSymbol',
    }).format(minor / 100);
  } catch {
    return `${currency} ${(minor / 100).toFixed(2)}`;
  }
}

/** Minor units for a typed amount ("1,234.5" → 123450), or null if it is not an amount. */
export function parseAmount(text: string): number | null {
  const clean = text.trim().replace(/[,，\s]/g, '').replace(/^[¥$€]/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** The typed form of an amount in minor units (123450 → "1234.50"), exact for any integer. */
export function amountInput(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const cents = String(Math.abs(minor % 100)).padStart(2, '0');
  return `${whole}.${cents}`;
}
