import { describe, expect, it } from 'vitest';
import { emailWarning, phoneWarning } from './contact-checks';

describe('phone and email checks', () => {
  it('accepts the numbers people really write', () => {
    for (const ok of [
      '15080179467',
      '150 8017 9467',
      '+86 150-8017-9467',
      '0512-66660001',
      '(0512) 6666 0001 转 8021',
      '+49 30 1234567',
      '+1 (415) 555-0100',
      '66660001',
      '',
    ]) {
      expect(phoneWarning(ok), ok).toBeNull();
    }
  });

  it('warns about numbers that look wrong', () => {
    for (const odd of ['1508017946', '150801794677', 'abc', '12345', '021-123']) {
      expect(phoneWarning(odd), odd).toBe('check.phone_unusual');
    }
  });

  it('warns about emails that cannot be addresses', () => {
    expect(emailWarning('li@example.com')).toBeNull();
    expect(emailWarning('王芳@华为.中国')).toBeNull();
    for (const bad of ['li@', 'li.example.com', 'li @example.com', 'li@example']) {
      expect(emailWarning(bad), bad).toBe('check.email_invalid');
    }
  });
});
