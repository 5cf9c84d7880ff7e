// The interface language: a reactive value every component reads through t().
import { en, type MessageKey } from './en';
import { zh } from './zh';
import type { Language } from '../types';

export type Lang = 'zh' | 'en';
export type { MessageKey };

const tables: Record<Lang, Record<MessageKey, string>> = { zh, en };

let current = $state<Lang>('zh');

/** Resolves a setting to a language: `system` follows the OS locale. */
export function resolveLanguage(setting: Language, systemLocale: string, browser: string): Lang {
  if (setting === 'zh' || setting === 'en') return setting;
  const locale = (systemLocale || browser || '').toLowerCase();
  if (!locale || locale === 'c' || locale.startsWith('c.') || locale === 'posix') return 'zh';
  return locale.startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang: Lang) {
  current = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function language(): Lang {
  return current;
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[current][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when `key` is a known message (used for dynamic keys such as field labels). */
export function hasMessage(key: string): key is MessageKey {
  return key in en;
}
