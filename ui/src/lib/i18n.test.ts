import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { resolveLanguage, setLanguage, t } from './i18n/index.svelte';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('Chinese and English define exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('Chinese labels are Chinese', () => {
    expect(zh['field.customer.need_secret']).toBe('秘密需求');
    expect(zh['role.coach']).toContain('内线');
  });

  it('t fills placeholders in the current language', () => {
    setLanguage('en');
    expect(t('list.count', { n: 3 })).toBe('3 customers');
    setLanguage('zh');
    expect(t('list.count', { n: 3 })).toBe('共 3 个客户');
  });
});

describe('resolveLanguage', () => {
  it('an explicit choice wins over the system', () => {
    expect(resolveLanguage('en', 'zh_CN.UTF-8', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh', 'en_US.UTF-8', 'en-US')).toBe('zh');
  });
  it('system follows the OS locale, then the browser', () => {
    expect(resolveLanguage('system', 'zh_CN.UTF-8', 'en-US')).toBe('zh');
    expect(resolveLanguage('system', 'en_GB.UTF-8', 'zh-CN')).toBe('en');
    expect(resolveLanguage('system', '', 'en-US')).toBe('en');
  });
  it('an unset or C locale falls back to Chinese, the users’ first language', () => {
    expect(resolveLanguage('system', 'C.UTF-8', '')).toBe('zh');
  });
});
