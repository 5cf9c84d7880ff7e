import { afterEach, describe, expect, it } from 'vitest';
import { markShown } from './shown';

/** A document whose visibility the test sets. */
function fakeDocument(state: DocumentVisibilityState) {
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  doc.visibilityState = state;
  return doc;
}

const shownMarks = () => performance.getEntriesByName('baton:shown').length;

describe('the mark of the window first on screen', () => {
  afterEach(() => performance.clearMarks());

  it('waits for a hidden window to become visible, and marks it once', () => {
    const doc = fakeDocument('hidden');
    markShown(doc as unknown as Document);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(shownMarks()).toBe(0);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(shownMarks()).toBe(1);
    // Hidden and shown again (minimized, restored): still the first time.
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(shownMarks()).toBe(1);
  });

  it('marks a window that is already visible at once', () => {
    markShown(fakeDocument('visible') as unknown as Document);
    expect(shownMarks()).toBe(1);
  });
});
