/**
 * The score part of a ScreeningExport, from the engine's InstrumentScore. Kept apart from the
 * mapping so a change in the engine's outcome shape touches this adapter only.
 */
import type { InstrumentScore } from '../result';
import type { ScreeningExport } from './bundle';

export type ScoreFacts = Pick<ScreeningExport, 'answers' | 'itemScores' | 'total' | 'band' | 'redFlags'>;

export function scoreFacts(score: InstrumentScore): ScoreFacts {
  return {
    answers: [
      ...score.items.map((i) => ({ itemId: i.itemId, position: i.position })),
      ...score.unscored.map((u) => ({ itemId: u.itemId, position: u.position })),
    ],
    itemScores: score.items.map((i) => ({ itemId: i.itemId, score: i.score })),
    total: score.total,
    band: { id: score.band.id, label: score.band.label },
    redFlags: score.redFlags.map((f) => ({ ruleId: f.ruleId, itemId: f.itemId, label: f.label })),
  };
}
