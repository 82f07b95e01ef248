// Keyboard-first score entry (issue 18): one digit per item, the printed position that was marked on
// the paper form (1 = the first printed answer), typed in order. Only items that cannot raise a red
// flag are typed this way: a red-flag item (EPDS item 10, self-harm) is always shown on its own and
// tapped, so a slip of the finger in a row of digits can never enter or hide a safety signal. The
// scoring key is the engine's; this turns digits into positions only.
import type { Instrument, Item } from '../../domain';
import { positionsOf } from './option-labels';

/** The items a row of digits fills, in order: scored, and not the item of any red-flag rule. */
export function quickItems(instrument: Instrument): Item[] {
  const flagged = new Set(instrument.redFlags.map((r) => r.itemId));
  return instrument.items.filter((i) => i.scored && !flagged.has(i.id));
}

/** The items left to tap on their own after the digits: the red-flag items. */
export function tappedItems(instrument: Instrument): Item[] {
  const quick = new Set(quickItems(instrument).map((i) => i.id));
  return instrument.items.filter((i) => i.scored && !quick.has(i.id));
}

export type QuickProblem = { kind: 'not-a-position'; at: number; char: string } | { kind: 'too-many'; count: number };

export interface QuickParse {
  /** Position (0-based) per item id, for the digits typed so far that are valid. */
  readonly answers: Readonly<Record<string, number>>;
  /** Every typed item valid and every quick item typed. */
  readonly complete: boolean;
  readonly problem: QuickProblem | null;
}

/** The highest digit any quick item accepts (EPDS 4, EDIZ-plus 5, CSI 2). */
export function lastDigit(instrument: Instrument): number {
  return Math.max(...quickItems(instrument).map((i) => positionsOf(instrument, i).length));
}

/** Reads a row of digits (spaces ignored) against the quick items; stops at the first problem. */
export function parseQuick(instrument: Instrument, text: string): QuickParse {
  const items = quickItems(instrument);
  const chars = [...text.replace(/\s/g, '')];
  const answers: Record<string, number> = {};
  for (const [at, char] of chars.entries()) {
    const item = items[at];
    if (item === undefined) return { answers, complete: false, problem: { kind: 'too-many', count: items.length } };
    const position = /^[1-9]$/.test(char) ? Number(char) - 1 : -1;
    if (position < 0 || position >= positionsOf(instrument, item).length)
      return { answers, complete: false, problem: { kind: 'not-a-position', at: at + 1, char } };
    answers[item.id] = position;
  }
  return { answers, complete: chars.length === items.length && items.length > 0, problem: null };
}

/** Whether the instrument offers the row of digits: score entry, every typed item at most 9 answers. */
export function offersQuickEntry(instrument: Instrument): boolean {
  const items = quickItems(instrument);
  return (
    instrument.presentation === 'score-entry' &&
    items.length > 1 &&
    items.every((i) => positionsOf(instrument, i).length <= 9)
  );
}
