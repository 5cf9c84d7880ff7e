import { describe, expect, it } from 'vitest';
import { amountInput, formatMoney, formatMoneyShort, parseAmount } from './money';

describe('money', () => {
  it('shows amounts with symbol and thousands separators', () => {
    expect(formatMoney(123456700, 'CNY', 'zh')).toBe('¥1,234,567.00');
    expect(formatMoney(150, 'USD', 'en')).toBe('$1.50');
    expect(formatMoney(123456700, 'CNY', 'en')).toBe('¥1,234,567.00');
  });
  it('reads typed amounts exactly, without float drift', () => {
    expect(parseAmount('1,234.5')).toBe(123450);
    expect(parseAmount('¥ 0.07')).toBe(7);
    expect(parseAmount('19.99')).toBe(1999);
  });
  it('refuses what is not an amount, including negatives', () => {
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('12.345')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });
  it('writes an amount back as it is typed, and reads it again unchanged', () => {
    expect(amountInput(123450)).toBe('1234.50');
    expect(amountInput(7)).toBe('0.07');
    for (const minor of [0, 7, 1999, 123450, 1_000_000_000_000]) expect(parseAmount(amountInput(minor))).toBe(minor);
  });
  it('says summary amounts the way readers count: 万 and 亿 in Chinese, K and M in English', () => {
    expect(formatMoneyShort(10_633_327_000, 'CNY', 'zh')).toBe('¥1.06 亿');
    expect(formatMoneyShort(1_063_327_000, 'CNY', 'zh')).toBe('¥1,063.3 万');
    expect(formatMoneyShort(999_900, 'CNY', 'zh')).toBe('¥9,999.00');
    expect(formatMoneyShort(10_633_327_000, 'CNY', 'en')).toBe('¥106.3M');
    expect(formatMoneyShort(1_250_000, 'USD', 'en')).toBe('$12.5K');
    expect(formatMoneyShort(-2_000_000_000, 'CNY', 'zh')).toBe('-¥2,000 万');
  });
});
