// One guard for the whole app against losing typed work. Every open form
// registers itself (with how to save it and how to close it) and says when
// it holds changes; anything that would leave it (a rail click, another
// customer, Escape, Ctrl+K, closing the window) goes through `guard`, which
// asks save / discard / stay when any form is dirty.
import { untrack } from 'svelte';

export interface OpenForm {
  /** Saves the form as its own button would; true when it saved. */
  save: () => Promise<boolean>;
  /** Leaves the form without saving (its cancel button). */
  cancel: () => void;
  /** For a form that lives inside an always-shown section: whether it is open now. */
  open?: () => boolean;
}

interface Entry extends OpenForm {
  dirty: boolean;
}

const forms = $state<Entry[]>([]);
let pending = $state<(() => void) | null>(null);
let saving = $state(false);

/**
 * Registers an open form; returns how to report its changes and how to
 * unregister it (call that when the form closes: an `$effect` cleanup).
 */
export function openForm(form: OpenForm): { setDirty: (dirty: boolean) => void; close: () => void } {
  const entry: Entry = { ...form, dirty: false };
  forms.push(entry);
  const find = () => forms.findIndex((f) => f.save === form.save);
  return {
    setDirty: (dirty) => {
      const i = find();
      if (i >= 0) forms[i].dirty = dirty;
    },
    close: () => {
      const i = find();
      if (i >= 0) forms.splice(i, 1);
    },
  };
}

/** Whether any open form holds unsaved changes. */
export function anyUnsaved(): boolean {
  return forms.some((f) => f.dirty);
}

/** The action waiting for the user's answer, if the question is showing. */
export function pendingLeave(): (() => void) | null {
  return pending;
}

export function isSaving(): boolean {
  return saving;
}

/** Runs `action` now, or after the user answers when a form holds changes. */
export function guard(action: () => void): void {
  if (anyUnsaved()) pending = action;
  else action();
}

/** Save: every dirty form saves; the action runs only if all of them did. */
export async function saveAndLeave(): Promise<void> {
  const action = pending;
  saving = true;
  try {
    for (const f of forms.filter((x) => x.dirty)) {
      if (!(await f.save())) {
        pending = null; // stay: the form shows what was wrong
        return;
      }
    }
  } finally {
    saving = false;
  }
  pending = null;
  action?.();
}

/** Discard: the forms are left without saving, then the action runs. */
export function discardAndLeave(): void {
  const action = pending;
  pending = null;
  for (const f of forms.filter((x) => x.dirty)) {
    f.dirty = false;
    f.cancel();
  }
  action?.();
}

/** Stay: nothing happens. */
export function stay(): void {
  pending = null;
}

/** Escape: leaves the most recently opened form, asking first if it holds changes. */
export function escapeForm(): boolean {
  const top = [...forms].reverse().find((f) => f.dirty || (f.open?.() ?? true));
  if (!top) return false;
  if (top.dirty) pending = () => undefined;
  else top.cancel();
  return true;
}

/**
 * For a form component, during its setup: registers it while it is mounted
 * and reports `dirty()` as it changes. Both happen in effects: a form is
 * set up inside the block that shows it, where changing shared state is not
 * allowed.
 */
export function useUnsaved(form: OpenForm, dirty: () => boolean): void {
  let handle: ReturnType<typeof openForm> | null = null;
  // Untracked: registering reads the list it changes, which would rerun
  // the effect forever.
  $effect(() => {
    handle = untrack(() => openForm(form));
    return () => {
      untrack(() => handle?.close());
      handle = null;
    };
  });
  $effect(() => {
    const now = dirty();
    untrack(() => handle?.setDirty(now));
  });
}
