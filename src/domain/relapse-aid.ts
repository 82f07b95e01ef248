/**
 * Relapse-prevention decision aid (CONTENT.md §3b, [I] combining S30–S36): returns every matching
 * row's options, because rows extend each other (≥ 3 episodes adds to ≥ 2). It never picks a step:
 * the step comes from routing (PHQ-9, and the intake's warning signs and remission, which
 * evaluateScreening reads from the same intake). Months since the remission date drive the rows on
 * tapering and are filled into their wording.
 */
import type { Facts } from './conditions';
import { matches } from './conditions';
import { type DecisionAidOutcome, fail, type InstrumentScore, ok, type Reason, type Result } from './result';
import { scoreInstrument } from './score';
import { toEpochMs, wholeMonthsBetween } from './time';
import type { ContentPack, Instant, RelapseIntake, Text } from './types';

export const PHQ9_ID = 'phq-9';

export interface DecisionAidInput {
  readonly pack: ContentPack;
  readonly intake: RelapseIntake;
  readonly now: Instant;
}

export function relapseDecisionAid(input: DecisionAidInput): Result<DecisionAidOutcome> {
  const { pack, intake } = input;
  const rows = pack.decisionAid;
  if (rows === undefined) return fail({ code: 'no-decision-aid', message: `pack ${pack.id} has no decision aid` });
  if (!Number.isInteger(intake.episodes) || intake.episodes < 1) {
    return fail({
      code: 'invalid-intake',
      field: 'episodes',
      message: `episodes must be a whole number ≥ 1, got ${String(intake.episodes)}`,
    });
  }
  const nowMs = toEpochMs(input.now);
  if (nowMs === null)
    return fail({ code: 'invalid-now', field: 'now', message: `now is not a valid time: ${String(input.now)}` });
  let monthsSinceRemission: number | null = null;
  if (intake.remissionDate !== undefined) {
    const remission = toEpochMs(intake.remissionDate);
    if (remission === null || remission > nowMs) {
      return fail({
        code: 'invalid-intake',
        field: 'remissionDate',
        message: `remission date must be a valid date not after now: ${intake.remissionDate}`,
      });
    }
    monthsSinceRemission = wholeMonthsBetween(remission, nowMs);
  }
  let phq9: InstrumentScore | null = null;
  if (intake.phq9 !== undefined) {
    const instrument = pack.instruments.find((i) => i.id === PHQ9_ID);
    if (instrument === undefined)
      return fail({ code: 'unknown-instrument', instrumentId: PHQ9_ID, message: `pack ${pack.id} has no ${PHQ9_ID}` });
    const scored = scoreInstrument(instrument, intake.phq9);
    if (!scored.ok) return scored;
    phq9 = scored.value;
  }
  const facts: Facts = {
    score: phq9,
    context: { phase: 'none' },
    flags: {},
    intake,
    remissionMonths: monthsSinceRemission,
    cutoffs: pack.pathway.cutoffs,
  };
  // Options may name the months in remission ("nog niet afbouwen: {months} maanden in remissie").
  const fill = (text: Text): Text => ({
    nl: text.nl.replaceAll('{months}', String(monthsSinceRemission ?? '?')),
    en: text.en.replaceAll('{months}', String(monthsSinceRemission ?? '?')),
  });
  const matched = rows.filter((row) => matches(row.when, facts));
  const reasons: Reason[] = matched.map((row) => ({
    ruleId: row.id,
    kind: 'decision-aid',
    label: row.situation,
    sources: row.sources,
    certainty: row.certainty,
  }));
  return ok({
    rows: matched.map((row) => ({
      rowId: row.id,
      situation: row.situation,
      options: row.options.map(fill),
      sources: row.sources,
      certainty: row.certainty,
    })),
    safety: matched.some((row) => row.safety) || (phq9?.redFlags.length ?? 0) > 0,
    phq9,
    monthsSinceRemission,
    reasons,
    packVersion: pack.contentVersion,
  });
}
