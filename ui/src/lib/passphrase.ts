// How hard a handover passphrase is to guess, as a hint while it is typed.
// An estimate of its entropy from its length and the kinds of characters in
// it (a Chinese character counts for far more than a letter); a passphrase
// of one repeated character is weak whatever its length.

export type Strength = 'none' | 'weak' | 'fair' | 'strong';

export function passphraseStrength(p: string): Strength {
  const chars = [...p];
  if (chars.length === 0) return 'none';
  if (new Set(chars).size === 1) return 'weak';
  let pool = 0;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[^0-9a-zA-Z\p{Script=Han}]/u.test(p)) pool += 33;
  if (/\p{Script=Han}/u.test(p)) pool += 3000;
  const bits = chars.length * Math.log2(Math.max(pool, 2));
  if (bits < 45) return 'weak';
  if (bits < 65) return 'fair';
  return 'strong';
}
