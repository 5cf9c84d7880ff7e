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

/**
 * An amount for a summary line, rounded the way readers say it: in Chinese
 * ¥1.06 亿 and ¥1,063.3 万 (a Chinese reader counts in 万 and 亿, not in
 * thousands); in English ¥106.3M and ¥10.6K. Under 10,000 it is exact.
 * Record screens keep the exact amount (formatMoney).
 */
export function formatMoneyShort(minor: number, currency: string, lang: Lang): string {
  const major = minor / 100;
  const abs = Math.abs(major);
  const symbol = formatMoney(0, currency, lang).replace(/[\d.,\s]/g, '');
  const num = (n: number, digits: number) =>
    new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
  const sign = major < 0 ? '-' : '';
  if (lang === 'zh') {
    if (abs >= 1e8) return `${sign}${symbol}${num(abs / 1e8, 2)} 亿`;
    if (abs >= 1e4) return `${sign}${symbol}${num(abs / 1e4, 1)} 万`;
  } else {
    if (abs >= 1e9) return `${sign}${symbol}${num(abs / 1e9, 2)}B`;
    if (abs >= 1e6) return `${sign}${symbol}${num(abs / 1e6, 1)}M`;
    if (abs >= 1e4) return `${sign}${symbol}${num(abs / 1e3, 1)}K`;
  }
  return formatMoney(minor, currency, lang);
}
