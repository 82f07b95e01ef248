// The summary as plain text (for Web Share and the clipboard): the same content as the page, with the
// line on sharing only through a secure channel at the top.
import type { Language } from '../../i18n/translate';
import type { HandoverDetails } from './handover-details';
import type { HandoverSummary } from './use-handover';

type T = (key: string, values?: Record<string, string | number>) => string;

/** The reasons behind the step: the decision's own, else the engine's for that screening. */
export function stepReasons(s: HandoverSummary) {
  const own = s.decision?.data.reasons ?? [];
  return own.length > 0 ? own : (s.screening?.data.outcome.reasons ?? []);
}

export function handoverText(s: HandoverSummary, d: HandoverDetails, t: T, language: Language): string {
  const lines: string[] = [`${t('title')} — ${t('client')}: ${s.client.data.alias}`, t('secureChannel'), ''];
  const score = s.screening?.data.outcome.score;
  const flags = d.flags;
  if (d.safetyAction !== null || flags.length > 0) {
    lines.push(`${t('safety')}:`);
    if (flags.length > 0) lines.push(`${t('redFlags')}: ${flags.join('; ')}`);
    if (d.safetyAction) lines.push(t('actionTaken', { action: d.safetyAction }));
    if (d.safetyNote) lines.push(t('safetyNote', { note: d.safetyNote }));
    lines.push('');
  }
  lines.push(`${t('screening')}:`);
  if (s.screening && score) {
    if (d.screeningDate) lines.push(t('date', { date: d.screeningDate }));
    if (d.context) lines.push(t('context', { context: d.context }));
    lines.push(t('score', { instrument: score.instrumentId.toUpperCase(), total: score.total }));
    lines.push(t('band', { band: score.band.label[language] }));
    if (d.trend) lines.push(t('trend', { instrument: score.instrumentId.toUpperCase(), trend: d.trend }));
    if (d.change) lines.push(t('change', { change: d.change }));
    if (flags.length === 0) lines.push(t('noRedFlags'));
  } else lines.push(t('noScreening'));
  if (s.decision && d.stepName) {
    lines.push('', `${t('step')}: ${d.stepName}`);
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
  lines.push('', d.followUpDate ? t('followUpOn', { date: d.followUpDate }) : t('noFollowUp'));
  if (s.note) lines.push('', `${t('note')}: ${s.note.data.text}`);
  return lines.join('\n');
}
