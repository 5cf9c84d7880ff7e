// The one place that talks to Tauri. Every command error arrives as
// {code, message, field?, rule?} (src-tauri/src/error.rs) and is rethrown as
// a BatonError so components can show it in the user's language.
import { invoke } from '@tauri-apps/api/core';
import type { FileProblem, IoKind, Rule } from '../contract';
export type { FileProblem, IoKind, Rule } from '../contract';

export interface IpcErrorData {
  code: string;
  message: string;
  field?: string;
  rule?: Rule;
  /** The file the error is about (the book, an output, an input). */
  path?: string;
  io_kind?: IoKind;
  problems?: FileProblem[];
}

export class BatonError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly rule?: Rule;
  readonly path?: string;
  readonly ioKind?: IoKind;
  readonly problems: FileProblem[];

  constructor(data: IpcErrorData) {
    super(data.message);
    this.code = data.code;
    this.field = data.field;
    this.rule = data.rule;
    this.path = data.path;
    this.ioKind = data.io_kind;
    this.problems = data.problems ?? [];
  }
}

/** Normalises anything thrown across IPC into a BatonError. */
export function toBatonError(err: unknown): BatonError {
  if (err instanceof BatonError) return err;
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    return new BatonError(err as IpcErrorData);
  }
  return new BatonError({ code: 'unexpected', message: String(err) });
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toBatonError(err);
  }
}
