// The summary as plain text (for Web Share and the clipboard): the same content as the page.
import { calendarDay } from '../../domain';
import type { Language } from '../../i18n/translate';
import type { HandoverSummary } from './use-handover';

type T = (key: string, values?: Record<string, string | number>) => string;

/** The calendar day of the screening in the professional's zone (not the UTC day of the instant). */
export function screeningDay(evaluatedAt: string): string {
  return calendarDay(Date.parse(evaluatedAt), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The recorded safety action in the pack's own words; older records name one of the built-in ids. */
export function safetyActionText(
  safety: { action: string; label?: { nl: string; en: string } },
  t: T,
  language: Language,
): string {
  return safety.label?.[language] ?? t(`safety.${safety.action}`);
}

export function stepLabel(chosen: number | 'safety', t: T): string {
  return chosen === 'safety' ? t('stepSafety') : t('stepN', { step: chosen });
}

/** The reasons behind the step: the decision's own, else the engine's for that screening. */
export function stepReasons(s: HandoverSummary) {
  const own = s.decision?.data.reasons ?? [];
  return own.length > 0 ? own : (s.screening?.data.outcome.reasons ?? []);
}

export function handoverText(s: HandoverSummary, t: T, language: Language): string {
  const lines: string[] = [`${t('title')} — ${t('client')}: ${s.client.data.alias}`, ''];
  lines.push(`${t('screening')}:`);
  if (s.screening) {
    const { score } = s.screening.data.outcome;
    lines.push(t('date', { date: screeningDay(s.screening.data.outcome.evaluatedAt) }));
    lines.push(t('score', { instrument: score.instrumentId.toUpperCase(), total: score.total }));
    lines.push(t('band', { band: score.band.label[language] }));
    lines.push(
      `${t('redFlags')}: ${score.redFlags.length ? score.redFlags.map((f) => f.label[language]).join('; ') : '—'}`,
    );
    const safety = s.decision?.data.safetyAction;
    if (safety) lines.push(t('actionTaken', { action: safetyActionText(safety, t, language) }));
  } else lines.push(t('noScreening'));
  if (s.decision) {
    lines.push('', `${t('step')}: ${stepLabel(s.decision.data.chosen, t)}`);
    if (s.decision.data.overrideReason) lines.push(t('override', { reason: s.decision.data.overrideReason }));
    for (const r of stepReasons(s)) lines.push(`- ${r.label[language]}`);
  }
  lines.push('', `${t('plan')}:`);
  if (s.plan) {
    const p = s.plan.data;
    const list = (label: string, items: string[]) => items.length && lines.push(`${label}: ${items.join('; ')}`);
    list(
      t('warningSigns'),
      p.warningSigns.map((w) => w.text),
    );
    list(t('triggers'), p.triggers);
    list(t('whatIDo'), p.whatIDo);
    list(t('whatOthersDo'), p.whatOthersDo);
    list(
      t('whomToCall'),
      p.whomToCall.map((w) => (w.phone ? `${w.name} (${w.phone})` : w.name)),
    );
  } else lines.push(t('noPlan'));
  lines.push('', s.followUp ? t('followUpOn', { date: s.followUp.dueDate }) : t('noFollowUp'));
  if (s.note) lines.push('', `${t('note')}: ${s.note.data.text}`);
  return lines.join('\n');
}
