// What the handover says beyond the stored record's own fields, worked out once for the page and the
// shared text alike: the step's name from the pack, the context of the screening (weeks after birth
// or of pregnancy), the trend of the same instrument's totals, the follow-up rule's verdict, and every
// date in the one Dutch format (i18n/dates).
import type { ContentPack, ScreeningContext } from '../../domain';
import { trimesterOf } from '../../domain';
import { formatDate } from '../../i18n/dates';
import type { Language } from '../../i18n/translate';
import type { HandoverSummary } from './use-handover';

type T = (key: string, values?: Record<string, string | number>) => string;

export interface HandoverDetails {
  readonly screeningDate: string | null;
  readonly context: string | null;
  /** "Stap 2 Zorg", or the safety path. */
  readonly stepName: string | null;
  /** "11 (2 maart 2026) → 12 (16 maart 2026)"; null with fewer than two screenings. */
  readonly trend: string | null;
  /** The follow-up rule's verdict in the pack's words ("Niet verbeterd: …"). */
  readonly change: string | null;
  /** The red flags of the latest screening, in words. */
  readonly flags: readonly string[];
  readonly safetyAction: string | null;
  readonly safetyNote: string | null;
  readonly followUpDate: string | null;
}

export function contextText(context: ScreeningContext, t: T): string | null {
  switch (context.phase) {
    case 'postpartum':
      return t('contextPostpartum', { n: context.weeks });
    case 'pregnant': {
      const trimester = trimesterOf(context);
      if (context.gestationWeeks !== undefined)
        return t('contextPregnantWeeks', { n: context.gestationWeeks, trimester: trimester ?? '?' });
      return trimester === null ? null : t('contextTrimester', { trimester });
    }
    default:
      return null;
  }
}

export function handoverDetails(
  s: HandoverSummary,
  pack: ContentPack | null | undefined,
  t: T,
  language: Language,
): HandoverDetails {
  const outcome = s.screening?.data.outcome;
  const chosen = s.decision?.data.chosen;
  let stepName: string | null = null;
  if (chosen === 'safety') stepName = t('stepSafety');
  else if (chosen !== undefined)
    stepName = pack
      ? `${t('stepN', { step: chosen })} ${pack.pathway.stepLabels[chosen][language]}`
      : t('stepN', { step: chosen });
  const trend =
    s.trend.length >= 2
      ? s.trend.map((p) => t('trendPoint', { total: p.total, date: formatDate(p.at, language) })).join(' → ')
      : null;
  const branch = s.screening?.data.followUpOutcome?.branch;
  const change = branch && pack ? (pack.pathway.improvement.branches[branch]?.[language] ?? null) : null;
  const safety = s.decision?.data.safetyAction;
  return {
    screeningDate: outcome ? formatDate(outcome.evaluatedAt, language) : null,
    context: s.screening ? contextText(s.screening.data.context, t) : null,
    stepName,
    trend,
    change,
    flags: (outcome?.score.redFlags ?? []).map((f) => f.label[language]),
    safetyAction: safety ? (safety.label?.[language] ?? t(`safety.${safety.action}`)) : null,
    safetyNote: safety?.note?.trim() ? safety.note.trim() : null,
    followUpDate: s.followUp ? formatDate(s.followUp.dueDate, language) : null,
  };
}
