/**
 * Scoring: answers are printed option positions; the instrument's scoring key turns them into
 * scores (reversed items count down). Invalid input gives a typed error, never a wrong score.
 */
import { findBand } from './bands';
import { findRedFlags } from './red-flags';
import { fail, type InstrumentScore, type ItemScore, ok, type Result } from './result';
import type { Answers, Instrument, Item } from './types';

interface PreparedItem {
  readonly item: Item;
  readonly optionCount: number;
  /** Score per position; null for unscored items. */
  readonly scores: readonly number[] | null;
}

interface Prepared {
  readonly items: readonly PreparedItem[];
  readonly ids: ReadonlySet<string>;
}

// Instruments are immutable content, so the derived key is computed once per instrument object;
// this keeps exhaustive tests (a million EPDS combinations) fast without changing semantics.
const prepared = new WeakMap<Instrument, Prepared>();

function prepare(instrument: Instrument): Prepared {
  const cached = prepared.get(instrument);
  if (cached !== undefined) return cached;
  const reversed = new Set(instrument.scoring.reversedItems);
  const normal = instrument.scoring.optionScores;
  const items = instrument.items.map((item): PreparedItem => {
    if (!item.scored) return { item, optionCount: item.optionLabels?.length ?? normal.length, scores: null };
    const scores = reversed.has(item.id) ? [...normal].reverse() : normal;
    return { item, optionCount: scores.length, scores };
  });
  const result = { items, ids: new Set(instrument.items.map((i) => i.id)) };
  prepared.set(instrument, result);
  return result;
}

function isPairList(answers: Answers): answers is readonly { readonly itemId: string; readonly position: number }[] {
  return Array.isArray(answers);
}

/** Turns either answer form into a lookup, refusing duplicates and unknown items. */
function toLookup(instrument: Instrument, ids: ReadonlySet<string>, answers: Answers): Result<(id: string) => unknown> {
  if (isPairList(answers)) {
    const map = new Map<string, number>();
    for (const { itemId, position } of answers) {
      if (!ids.has(itemId)) return fail(unknownItem(instrument, itemId));
      if (map.has(itemId)) {
        return fail({
          code: 'duplicate-answer',
          message: `${instrument.id}: item ${itemId} answered twice`,
          instrumentId: instrument.id,
          itemId,
        });
      }
      map.set(itemId, position);
    }
    return ok((id: string) => map.get(id));
  }
  for (const key in answers) {
    if (!ids.has(key)) return fail(unknownItem(instrument, key));
  }
  const record: Readonly<Record<string, unknown>> = answers;
  return ok((id: string) => record[id]);
}

function unknownItem(instrument: Instrument, itemId: string) {
  return {
    code: 'unknown-item' as const,
    message: `${instrument.id} has no item "${itemId}"`,
    instrumentId: instrument.id,
    itemId,
  };
}

/** The highest total an instrument can give (every scored item at its top score). */
export function maxTotal(instrument: Instrument): number {
  const top = Math.max(...instrument.scoring.optionScores);
  return instrument.items.filter((i) => i.scored).length * top;
}

/** The key counts as verified when the pack says so or the practice confirmed it (settings, audited). */
export function isKeyVerified(instrument: Instrument, confirmedKeys: readonly string[]): boolean {
  return instrument.scoring.keyVerified || confirmedKeys.includes(instrument.id);
}

/** Scores one instrument: total, band, subscales, red flags and every item's score. */
export function scoreInstrument(instrument: Instrument, answers: Answers): Result<InstrumentScore> {
  const prep = prepare(instrument);
  const lookup = toLookup(instrument, prep.ids, answers);
  if (!lookup.ok) return lookup;
  const get = lookup.value;
  const items: ItemScore[] = [];
  const unscored: { itemId: string; position: number }[] = [];
  let total = 0;
  for (const { item, optionCount, scores } of prep.items) {
    const position = get(item.id);
    if (position === undefined) {
      if (scores === null) continue; // unscored questions are optional
      return fail({
        code: 'missing-answer',
        message: `${instrument.id}: item ${item.number} (${item.id}) is not answered`,
        instrumentId: instrument.id,
        itemId: item.id,
      });
    }
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= optionCount) {
      return fail({
        code: 'out-of-range',
        message: `${instrument.id}: item ${item.number} (${item.id}) has option position ${String(position)}, expected 0–${optionCount - 1}`,
        instrumentId: instrument.id,
        itemId: item.id,
      });
    }
    if (scores === null) {
      unscored.push({ itemId: item.id, position });
      continue;
    }
    const score = scores[position] ?? 0;
    total += score;
    items.push({ itemId: item.id, number: item.number, position, score });
  }
  const band = findBand(instrument.bands, total);
  if (band === null) {
    return fail({
      code: 'out-of-range',
      message: `${instrument.id}: total ${total} falls in no band`,
      instrumentId: instrument.id,
    });
  }
  const subscales = instrument.subscales.map((sub) => {
    const score = items.reduce((sum, i) => (sub.itemIds.includes(i.itemId) ? sum + i.score : sum), 0);
    return { id: sub.id, score, band: findBand(sub.bands, score) };
  });
  return ok({
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    total,
    band,
    items,
    unscored,
    subscales,
    redFlags: findRedFlags(instrument, items),
    keyVerified: instrument.scoring.keyVerified,
  });
}

/**
 * The points each printed option of an item scores under the instrument's key (reversed items
 * included), so score entry can show them beside the printed answer; null for an unscored item.
 */
export function itemKey(instrument: Instrument, itemId: string): readonly number[] | null {
  return prepare(instrument).items.find((p) => p.item.id === itemId)?.scores ?? null;
}

/** The points of the answered items so far (score entry's running total); open items count nothing. */
export function partialTotal(instrument: Instrument, positions: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const item of instrument.items) {
    const p = positions[item.id];
    if (p !== undefined) total += itemKey(instrument, item.id)?.[p] ?? 0;
  }
  return total;
}
