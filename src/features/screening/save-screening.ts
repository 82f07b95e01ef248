// Completes a screening: screening + decision + follow-up written and the draft deleted in one
// transaction (completeScreening), with the completion event of the follow-up it answered (an
// append-only event, never a status overwritten); then the safety action is appended to every open
// signal of the screening. Safety actions are the pack's (content,
// not code): any action the pack lists is kept, with its wording.
import {
  completeScreening,
  type DecisionPayload,
  type DraftPayload,
  type FollowUpRecord,
  linkSignalsToClient,
  recordSafetyOutcome,
  type ScreeningPayload,
  type VaultSession,
} from '../../db';
import type { ContentPack, Recommendation, Step, Text } from '../../domain';
import type { Evaluation } from './evaluate-draft';

export interface DecisionInput {
  chosen: Step | 'safety';
  overrideReason: string | null;
  /** The pack action chosen for the safety signals (validated by the domain before saving). */
  safety: { action: string; label: Text; note: string } | null;
  note: string;
  dueDate: string;
  /** Why a safety follow-up is later than the next day. */
  followUpReason: string;
  now: number;
}

/** The pack's safety action with this id, if the pack lists it. */
export function packSafetyAction(pack: ContentPack, id: string | null) {
  return pack.pathway.safety.actions.find((a) => a.id === id) ?? null;
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
    /** Open safety signals of this screening: the action is appended to each. */
    openSignalIds: readonly string[];
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
            label: { nl: decision.safety.label.nl, en: decision.safety.label.en },
            at,
            ...(decision.safety.note ? { note: decision.safety.note } : {}),
          },
        }
      : {}),
    ...(decision.note ? { note: decision.note } : {}),
    ...(decision.followUpReason ? { followUpReason: decision.followUpReason } : {}),
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
      data: {
        step: decision.chosen,
        instrumentId: outcome.versions.instrumentId,
        screeningId,
        ...(decision.followUpReason ? { note: decision.followUpReason } : {}),
      },
    },
    ...(args.draftId ? { draftId: args.draftId } : {}),
    ...(args.answeredFollowUp ? { answers: { id: args.answeredFollowUp.id } } : {}),
  });
  // An anonymous screening saved for a new client: its signals are hers from now on.
  await linkSignalsToClient(session, args.openSignalIds, args.clientId);
  if (decision.safety && args.openSignalIds.length > 0) {
    await recordSafetyOutcome(
      session,
      args.openSignalIds.map((signalId) => ({ signalId })),
      args.clientId,
      {
        kind: 'action',
        action: decision.safety.action,
        ...(decision.safety.note ? { note: decision.safety.note } : {}),
        screeningId,
        at,
      },
    );
  }
  return result;
}
