/**
 * Test support: the bundled packs parsed synchronously with the schema (no digest check), so
 * domain tests can use real content. Production code loads packs through loader.ts instead.
 */
import * as v from 'valibot';
import type { ContentPack, Instrument, PathwayId } from '../domain';
import { BUNDLED_PACK_JSON } from './bundled';
import { ContentPackSchema } from './schema';

const cache = new Map<PathwayId, ContentPack>();

export function bundledPack(id: PathwayId): ContentPack {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const pack: ContentPack = v.parse(ContentPackSchema, BUNDLED_PACK_JSON[id]);
  cache.set(id, pack);
  return pack;
}

export function bundledInstrument(packId: PathwayId, instrumentId: string): Instrument {
  const instrument = bundledPack(packId).instruments.find((i) => i.id === instrumentId);
  if (instrument === undefined) throw new Error(`${packId} has no ${instrumentId}`);
  return instrument;
}

/** EPDS answers (printed positions) that give the wanted item scores, using the CONTENT.md §2 key. */
export function epdsAnswers(scores: readonly number[]): Record<string, number> {
  const reversed = new Set([3, 5, 6, 7, 8, 9, 10]);
  return Object.fromEntries(scores.map((s, i) => [`epds-${i + 1}`, reversed.has(i + 1) ? 3 - s : s]));
}

/** Answers for instruments whose positions equal scores (PHQ, CSI). */
export function answersFor(prefix: string, scores: readonly number[]): Record<string, number> {
  return Object.fromEntries(scores.map((s, i) => [`${prefix}-${i + 1}`, s]));
}

// The EDIZ-plus form prints five answers (Nee! · Nee · Min of meer · Ja · Ja!): "Ja" is the third
// position from zero, "Nee" the first (CONTENT.md §7). The CSI prints Nee · Ja.
const YES_NO_POSITIONS: Readonly<Record<string, { yes: number; no: number }>> = { ediz: { yes: 3, no: 1 } };

/** n yes-answers followed by no-answers, at the printed positions of "Ja" and "Nee". */
export function yesCount(prefix: string, items: number, yes: number): Record<string, number> {
  const { yes: y, no: n } = YES_NO_POSITIONS[prefix] ?? { yes: 1, no: 0 };
  return Object.fromEntries(Array.from({ length: items }, (_, i) => [`${prefix}-${i + 1}`, i < yes ? y : n]));
}

/** EPDS item scores with the given total spread over items 1–9 and item 10 set separately. */
export function epdsTotal(total: number, item10 = 0): Record<string, number> {
  let rest = total - item10;
  const scores = Array.from({ length: 9 }, () => {
    const s = Math.min(3, rest);
    rest -= s;
    return s;
  });
  return epdsAnswers([...scores, item10]);
}
