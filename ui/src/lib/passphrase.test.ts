import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphrase';

describe('passphraseStrength', () => {
  it('rates short, repeated and digit-only passphrases weak', () => {
    expect(passphraseStrength('')).toBe('none');
    expect(passphraseStrength('123456')).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('password')).toBe('weak');
  });

  it('rates longer mixed or Chinese passphrases higher', () => {
    expect(passphraseStrength('Sales2026')).toBe('fair');
    expect(passphraseStrength('交接口令 2026')).toBe('strong');
    expect(passphraseStrength('correct horse battery staple')).toBe('strong');
  });
});
