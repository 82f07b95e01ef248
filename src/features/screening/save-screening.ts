// Completes a screening: screening + decision + follow-up written and the draft deleted in one
// transaction (completeScreening), then the follow-up it answered is marked done.
import {
  completeScreening,
  type DecisionPayload,
  type DraftPayload,
  type FollowUpRecord,
  type SafetyAction,
  type ScreeningPayload,
  updateFollowUp,
  type VaultSession,
} from '../../db';
import type { ContentPack, Recommendation, Step } from '../../domain';
import type { Evaluation } from './evaluate-draft';

export interface DecisionInput {
  chosen: Step | 'safety';
  overrideReason: string | null;
  safety: { action: SafetyAction; note: string } | null;
  note: string;
  dueDate: string;
  now: number;
}

const SAFETY_ACTIONS: readonly SafetyAction[] = [
  'huisarts-informed',
  '113-called',
  '113-called-with-client',
  '112-called',
  'crisis-service-contacted',
  'assessed-no-acute-danger',
];

export function asSafetyAction(id: string | null): SafetyAction | null {
  return SAFETY_ACTIONS.find((a) => a === id) ?? null;
}

/** What was recommended: the engine's proposal (at a follow-up: the follow-up rule's, W9). */
export function recommended(evaluation: Evaluation): Recommendation {
  return evaluation.proposal.recommendation;
}

export async function saveScreening(
  session: VaultSession,
  args: {
    pack: ContentPack;
    clientId: string;
    draftId: string | null;
    data: DraftPayload;
    evaluation: Evaluation;
    decision: DecisionInput;
    answeredFollowUp: FollowUpRecord | null;
  },
) {
  const { pack, data, evaluation, decision } = args;
  const { outcome } = evaluation;
  const screeningId = crypto.randomUUID();
  const at = new Date(decision.now).toISOString();
  const screening: ScreeningPayload = {
    pathwayId: pack.id,
    instrumentId: outcome.versions.instrumentId,
    answers: data.answers ?? {},
    context: data.context ?? { phase: 'none' },
    flags: data.flags ?? {},
    outcome,
    ...(evaluation.followUp ? { followUpOutcome: evaluation.followUp } : {}),
    ...(data.previousScreeningId ? { previousScreeningId: data.previousScreeningId } : {}),
    ...(data.handedToClient ? { selfCompleted: true } : {}),
    ...(data.preScreens && data.preScreens.length > 0 ? { preScreens: data.preScreens } : {}),
    ...(data.intake ? { intake: data.intake } : {}),
  };
  const decisionData: DecisionPayload = {
    recommended: recommended(evaluation),
    chosen: decision.chosen,
    reasons: [...(evaluation.followUp?.reasons ?? outcome.reasons)],
    ...(decision.overrideReason ? { overrideReason: decision.overrideReason } : {}),
    ...(decision.safety
      ? {
          safetyAction: {
            action: decision.safety.action,
            at,
            ...(decision.safety.note ? { note: decision.safety.note } : {}),
          },
        }
      : {}),
    ...(decision.note ? { note: decision.note } : {}),
  };
  const result = await completeScreening(session, {
    screening: {
      id: screeningId,
      clientId: args.clientId,
      packId: outcome.versions.packId,
      packVersion: outcome.versions.packVersion,
      instrumentId: outcome.versions.instrumentId,
      instrumentVersion: outcome.versions.instrumentVersion,
      data: screening,
    },
    decision: { pathwayId: pack.id, data: decisionData },
    followUp: {
      pathwayId: pack.id,
      dueDate: decision.dueDate,
      data: { step: decision.chosen, instrumentId: outcome.versions.instrumentId, screeningId },
    },
    ...(args.draftId ? { draftId: args.draftId } : {}),
  });
  if (args.answeredFollowUp) {
    await updateFollowUp(session, args.answeredFollowUp, args.answeredFollowUp.data, { status: 'done' });
  }
  return result;
}
