import { describe, expect, it, vi } from 'vitest';
import { anyUnsaved, discardAndLeave, escapeForm, guard, openForm, pendingLeave, saveAndLeave, stay } from './unsaved.svelte';

function form(saves = true) {
  const f = { save: vi.fn(async () => saves), cancel: vi.fn() };
  return { f, handle: openForm(f) };
}

describe('the unsaved-work guard', () => {
  it('lets a clean app leave at once', () => {
    const { handle } = form();
    const go = vi.fn();
    guard(go);
    expect(go).toHaveBeenCalledOnce();
    expect(pendingLeave()).toBeNull();
    handle.close();
  });

  it('holds the way out while a form is dirty; stay keeps everything', () => {
    const { f, handle } = form();
    handle.setDirty(true);
    expect(anyUnsaved()).toBe(true);
    const go = vi.fn();
    guard(go);
    expect(go).not.toHaveBeenCalled();
    expect(pendingLeave()).not.toBeNull();
    stay();
    expect(pendingLeave()).toBeNull();
    expect(go).not.toHaveBeenCalled();
    expect(f.save).not.toHaveBeenCalled();
    expect(f.cancel).not.toHaveBeenCalled();
    handle.close();
    expect(anyUnsaved()).toBe(false);
  });

  it('save leaves only when every dirty form saved', async () => {
    const good = form(true);
    const bad = form(false);
    good.handle.setDirty(true);
    bad.handle.setDirty(true);
    const go = vi.fn();
    guard(go);
    await saveAndLeave();
    expect(good.f.save).toHaveBeenCalledOnce();
    expect(bad.f.save).toHaveBeenCalledOnce();
    expect(go).not.toHaveBeenCalled(); // the refused form shows its error; the user stays
    bad.handle.close();
    guard(go);
    await saveAndLeave();
    expect(go).toHaveBeenCalledOnce();
    good.handle.close();
  });

  it('discard cancels the dirty forms, then leaves', () => {
    const dirty = form();
    const clean = form();
    dirty.handle.setDirty(true);
    const go = vi.fn();
    guard(go);
    discardAndLeave();
    expect(dirty.f.cancel).toHaveBeenCalledOnce();
    expect(clean.f.cancel).not.toHaveBeenCalled();
    expect(go).toHaveBeenCalledOnce();
    expect(anyUnsaved()).toBe(false);
    dirty.handle.close();
    clean.handle.close();
  });

  it('Escape closes the newest open form, asking first when it holds changes', () => {
    const older = form();
    const newer = { f: { save: vi.fn(async () => true), cancel: vi.fn(), open: () => false }, handle: null as never };
    newer.handle = openForm(newer.f) as never;
    expect(escapeForm()).toBe(true);
    expect(older.f.cancel).toHaveBeenCalledOnce(); // the newer one is not open
    older.handle.setDirty(true);
    expect(escapeForm()).toBe(true);
    expect(pendingLeave()).not.toBeNull();
    expect(older.f.cancel).toHaveBeenCalledOnce();
    discardAndLeave();
    expect(older.f.cancel).toHaveBeenCalledTimes(2);
    older.handle.close();
    (newer.handle as { close: () => void }).close();
    expect(escapeForm()).toBe(false);
  });
});
