import { describe, expect, it } from 'vitest';
import { setLanguage } from './i18n/index.svelte';
import { rejectedReason, warningColumn, warningText } from './sheet-problems';
import type { SheetRejected, SheetWarning } from './types';

describe('check step problems in the user language', () => {
  const unread: SheetWarning = {
    line: 5,
    column: '客户级别',
    field: null,
    message: '"低级" is not a tier (S, A, B or C); kept in the customer\'s notes (map the value to import it)',
    why: 'unread',
    value: '低级',
    expected: 'tier',
    kept_in: 'customer',
    mappable: true,
  };
  const differs: SheetWarning = { line: 4, column: '', field: 'industry', message: '', why: 'differs', value: '五金', kept: '机械', first_line: 3 };
  const long: SheetRejected = { line: 8, column: '公司名称', reason: 'longer than 200 characters', rule: { rule: 'too_long', max: 200 }, cells: [] };

  it('words them in Chinese', () => {
    setLanguage('zh');
    expect(warningText(unread)).toBe('“低级”不是分级（S、A、B、C）；已原样记入客户备注（在上方对照后即可导入）');
    expect(warningColumn(differs)).toBe('行业');
    expect(warningText(differs)).toBe('“五金”与第 3 行的“机械”不同；保留“机械”');
    expect(rejectedReason(long)).toBe('超过 200 个字');
  });

  it('and in English', () => {
    setLanguage('en');
    expect(warningText(unread)).toContain('"低级" is not a tier');
    expect(rejectedReason(long)).toBe('is longer than 200 characters');
    setLanguage('zh');
  });
});
