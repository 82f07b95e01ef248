/** Input checks shared by the engine entry points: context, flags and instrument lookup. */
import { MAX_GESTATION_WEEKS } from './context';
import { type EngineError, fail, ok, type Result } from './result';
import type { ContentPack, Instrument, Pathway, ScreeningContext } from './types';

/** Postpartum context runs up to 12 months after birth (CONTENT.md §3a). */
export const MAX_POSTPARTUM_WEEKS = 52;

export function checkContext(pathway: Pathway, context: ScreeningContext): EngineError | null {
  switch (context.phase) {
    case 'pregnant':
      if (context.gestationWeeks !== undefined) {
        const w = context.gestationWeeks;
        return Number.isInteger(w) && w >= 0 && w <= MAX_GESTATION_WEEKS
          ? null
          : {
              code: 'invalid-context',
              field: 'gestationWeeks',
              message: `weeks of gestation must be a whole number 0–${MAX_GESTATION_WEEKS}, got ${String(w)}`,
            };
      }
      if (![1, 2, 3].includes(context.trimester)) {
        return {
          code: 'invalid-context',
          field: 'trimester',
          message: `trimester must be 1, 2 or 3, got ${String(context.trimester)}`,
        };
      }
      return null;
    case 'postpartum':
      if (!Number.isInteger(context.weeks) || context.weeks < 0 || context.weeks > MAX_POSTPARTUM_WEEKS) {
        return {
          code: 'invalid-context',
          field: 'weeks',
          message: `weeks postpartum must be a whole number 0–${MAX_POSTPARTUM_WEEKS}, got ${String(context.weeks)}`,
        };
      }
      return null;
    case 'none':
      return pathway.context === 'perinatal'
        ? {
            code: 'context-required',
            field: 'context',
            message: `${pathway.id} needs a context: pregnant with trimester, or weeks postpartum`,
          }
        : null;
    default: {
      const exhaustive: never = context;
      return { code: 'invalid-context', field: 'phase', message: `unknown context ${JSON.stringify(exhaustive)}` };
    }
  }
}

export function checkFlags(pathway: Pathway, flags: Readonly<Record<string, boolean>>): EngineError | null {
  for (const key in flags) {
    if (!pathway.questions.some((q) => q.id === key)) {
      return { code: 'unknown-flag', field: key, message: `${pathway.id} has no question "${key}"` };
    }
    if (typeof flags[key] !== 'boolean')
      return { code: 'unknown-flag', field: key, message: `question "${key}" needs true or false` };
  }
  return null;
}

export function findInstrument(pack: ContentPack, instrumentId: string): Result<Instrument> {
  const instrument = pack.instruments.find((i) => i.id === instrumentId);
  if (instrument === undefined) {
    return fail({
      code: 'unknown-instrument',
      instrumentId,
      message: `pack ${pack.id} has no instrument "${instrumentId}"`,
    });
  }
  if (!pack.pathway.instruments.includes(instrumentId)) {
    return fail({
      code: 'instrument-not-in-pathway',
      instrumentId,
      message: `${instrumentId} is not used in pathway ${pack.pathway.id}`,
    });
  }
  return ok(instrument);
}
