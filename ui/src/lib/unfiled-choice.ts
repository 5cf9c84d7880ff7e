// The check step's choices for people without a company, as the user makes
// them (one word per person, a word for all, one place to file under), and
// the core's `UnfiledChoice` they mean.
import type { FileTarget } from './api/unfiled';
import type { UnfiledChoice, UnfiledRow } from './types';

/** A choice as the select shows it: `default` follows the choice for all. */
export type ChoiceWord = 'default' | 'keep' | 'guess' | 'target' | 'skip';

/** The customer chosen (or named, to be created) to file people under. */
export interface Chosen {
  target: FileTarget;
  name: string;
}

/** The core's choice a word means; `target` without a chosen customer keeps them in the tray. */
export function toChoice(word: Exclude<ChoiceWord, 'default'>, chosen: Chosen | null): UnfiledChoice {
  if (word === 'target') return chosen ? chosen.target : 'keep';
  return word;
}

/** The per-person choices the request sends (only those not following the choice for all). */
export function choicesOf(words: Record<number, ChoiceWord>, chosen: Chosen | null): Record<number, UnfiledChoice> {
  const out: Record<number, UnfiledChoice> = {};
  for (const [index, word] of Object.entries(words)) {
    if (word !== 'default') out[Number(index)] = toChoice(word, chosen);
  }
  return out;
}

/** What the import will do with each row: counts for the check step's summary. */
export function tally(rows: UnfiledRow[], words: Record<number, ChoiceWord>, all: Exclude<ChoiceWord, 'default'>, chosen: Chosen | null) {
  const n = { keep: 0, file: 0, skip: 0, known: 0 };
  for (const row of rows) {
    if (row.filed_under || row.in_tray) {
      n.known += 1;
      continue;
    }
    const word = words[row.index] && words[row.index] !== 'default' ? words[row.index] : all;
    if (word === 'skip') n.skip += 1;
    else if ((word === 'guess' && row.guess) || (word === 'target' && chosen)) n.file += 1;
    else n.keep += 1;
  }
  return n;
}
