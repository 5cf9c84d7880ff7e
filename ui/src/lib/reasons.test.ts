import { describe, expect, it } from 'vitest';
import { reasonText } from './reasons';
import { setLanguage } from './i18n/index.svelte';

describe('reasonText', () => {
  it('words every reason with its figures in both languages', () => {
    setLanguage('zh');
    expect(reasonText({ reason: 'scale_top', percent: 5, points: 3 })).toBe('+3：近期营业额位居客户本前 5%');
    expect(reasonText({ reason: 'dormant', days: 241, points: -2 })).toBe('-2：已休眠 241 天');
    setLanguage('en');
    expect(reasonText({ reason: 'longevity', years: 6, points: 2 })).toBe('+2: buying from us for 6 years');
    expect(reasonText({ reason: 'dormant', days: null, points: -2 })).toBe('-2: no purchase or contact yet');
    expect(reasonText({ reason: 'lost' })).toBe('Lost customer: C at most');
    expect(reasonText({ reason: 'gone_quiet', lifetime: 2_900_000_000 }, 'CNY')).toBe(
      'At risk: ¥29,000,000.00 over the years, as much as the top fifth of the book buy in a period, but little lately',
    );
    setLanguage('zh');
    expect(reasonText({ reason: 'gone_quiet', lifetime: 2_900_000_000 })).toBe('有流失风险：累计营业额 ¥29,000,000.00，相当于客户本前五分之一一个周期的营业额，但近期很少购买');
  });
});
