import { describe, expect, it } from 'vitest';
import { BatonError } from './api/ipc';
import { describeError, errorField, fieldLabel } from './errors';
import { setLanguage } from './i18n/index.svelte';

const invalid = (field: string, rule: object) =>
  new BatonError({ code: 'invalid', message: 'x', field, rule: rule as never });

describe('describeError', () => {
  it('names the field and the rule in the user’s language', () => {
    setLanguage('zh');
    expect(describeError(invalid('customer.name', { rule: 'required' }))).toBe('公司名称：不能为空');
    setLanguage('en');
    expect(describeError(invalid('customer.founded_on', { rule: 'bad_date' }))).toBe(
      'Founded: is not a real date (use YYYY-MM-DD)',
    );
    expect(describeError(invalid('customer.notes', { rule: 'too_long', max: 50000 }))).toBe(
      'Notes: is longer than 50000 characters',
    );
  });

  it('words other codes without leaking raw codes', () => {
    setLanguage('zh');
    expect(describeError({ code: 'book_locked', message: 'locked' })).toContain('另一个 Baton 窗口');
    setLanguage('en');
    expect(describeError(new Error('boom'))).toBe('Unexpected error: Error: boom');
  });

  it('says an OS failure and the file in the user’s language, never the raw OS text', () => {
    const io = (io_kind: string) =>
      describeError({ code: 'io', message: 'x: No such file or directory (os error 2)', path: '/media/u/h.baton', io_kind });
    setLanguage('zh');
    expect(io('not_found')).toBe('找不到 /media/u/h.baton：文件或文件夹不存在。');
    expect(io('disk_full')).toContain('磁盘已满');
    expect(io('disk_full')).not.toContain('os error');
    setLanguage('en');
    expect(io('permission')).toBe('No permission to read or write /media/u/h.baton.');
    expect(describeError({ code: 'protected_path', message: 'x', path: '/b/baton.db' })).toContain('/b/baton.db is the open book');
    expect(describeError({ code: 'not_a_book', message: 'x', path: '/x.sqlite' })).toContain('/x.sqlite is not a Baton book');
  });

  it('labels list items with their position', () => {
    setLanguage('en');
    expect(fieldLabel('person.known_by[1].name')).toBe('Colleague #2');
    expect(fieldLabel('customer.competitors[0].name')).toBe('Competitor #1');
  });

  it('maps an error to the form field that shows it', () => {
    expect(errorField(invalid('customer.tags[3]', { rule: 'too_long', max: 40 }))).toBe('tags');
    expect(errorField(invalid('person.known_by[0].name', { rule: 'required' }))).toBe('known_by');
    expect(errorField({ code: 'not_found', message: '' })).toBeNull();
  });
});
