/**
 * Turns a draft into the engine's outcome: a screening, a follow-up comparison when the draft
 * answers a follow-up, and the relapse decision aid when an intake was given. No clinical rule
 * lives here; this only wires the draft's fields into src/domain.
 */
import type { DraftPayload } from '../../db';
import {
  type ContentPack,
  type DecisionAidOutcome,
  detectSafetySignals,
  evaluateFollowUp,
  evaluateScreening,
  type FollowUpOutcome,
  type Instrument,
  PHQ9_ID,
  type PreviousResult,
  type Proposal,
  proposalOf,
  type Result,
  relapseDecisionAid,
  type SafetySignal,
  type ScreeningContext,
  type ScreeningOutcome,
} from '../../domain';
import { deviceTimeZone } from './dates';

export interface Evaluation {
  readonly outcome: ScreeningOutcome;
  readonly followUp: FollowUpOutcome | null;
  readonly aid: DecisionAidOutcome | null;
  /** What the result proposes and records as the advice, with that step's actions and cards. */
  readonly proposal: Proposal;
}

const NO_CONTEXT: ScreeningContext = { phase: 'none' };

export function findInstrument(pack: ContentPack, id: string | undefined): Instrument | undefined {
  return pack.instruments.find((i) => i.id === id);
}

/** True when every scored item of the instrument has an answer. */
export function isComplete(instrument: Instrument, answers: Readonly<Record<string, number>>): boolean {
  return instrument.items.every((item) => !item.scored || answers[item.id] !== undefined);
}

export function evaluateDraft(
  pack: ContentPack,
  data: DraftPayload,
  previous: PreviousResult | null,
  now: number,
  confirmedKeys: readonly string[] = [],
  /** The professional's zone: due dates are calendar days there. */
  timeZone: string = deviceTimeZone(),
): Result<Evaluation> {
  const instrumentId = data.instrumentId ?? '';
  const answers = data.answers ?? {};
  const context = data.context ?? NO_CONTEXT;
  const flags = data.flags ?? {};
  const intake = data.intake === undefined ? {} : { intake: data.intake };
  let outcome: ScreeningOutcome;
  let followUp: FollowUpOutcome | null = null;
  // A follow-up is always compared, also with another instrument: the rule then says "not comparable".
  if (previous !== null) {
    const current = { instrumentId, answers, context, flags, confirmedKeys, ...intake };
    const compared = evaluateFollowUp({ pack, previous, current, now, timeZone });
    if (!compared.ok) return compared;
    followUp = compared.value;
    outcome = compared.value.current;
  } else {
    const evaluated = evaluateScreening({
      pack,
      instrumentId,
      answers,
      context,
      flags,
      confirmedKeys,
      now,
      timeZone,
      ...intake,
    });
    if (!evaluated.ok) return evaluated;
    outcome = evaluated.value;
  }
  let aid: DecisionAidOutcome | null = null;
  if (data.intake !== undefined) {
    const intake = instrumentId === PHQ9_ID ? { ...data.intake, phq9: answers } : data.intake;
    const result = relapseDecisionAid({ pack, intake, now });
    if (result.ok) aid = result.value;
  }
  return { ok: true, value: { outcome, followUp, aid, proposal: proposalOf(outcome, followUp) } };
}

/** The signals the answers given so far raise (a red-flag item counts as soon as it is entered). */
export function draftSignals(pack: ContentPack, data: DraftPayload): SafetySignal[] {
  const answers: Record<string, Readonly<Record<string, number>>> = {};
  for (const pre of data.preScreens ?? []) answers[pre.instrumentId] = pre.answers;
  if (data.instrumentId) answers[data.instrumentId] = data.answers ?? {};
  return detectSafetySignals({ pack, instrumentIds: Object.keys(answers), answers, flags: data.flags ?? {} });
}

/** The instrument the engine asks for next (e.g. Whooley positive → EPDS), if any. */
export function nextInstrument(outcome: ScreeningOutcome): string | null {
  return outcome.recommendation.kind === 'administer' ? (outcome.recommendation.instruments[0] ?? null) : null;
}
