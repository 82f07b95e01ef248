/**
 * What a result proposes, in one place (CONTENT.md §4a): the recommendation the decision records (at a
 * follow-up: the follow-up rule's proposal, so following it is no override), what "follow the
 * proposal" chooses, and the advice of that step. The screen shows this; it compares nothing itself.
 */
import { type StepAdvice, stepAdvice } from './advice';
import type { FollowUpOutcome, Recommendation, ScreeningOutcome } from './result';
import type { ContentPack, Step } from './types';

export interface Proposal {
  readonly recommendation: Recommendation;
  /** What following the proposal records as chosen; null when another instrument comes first. */
  readonly choice: Step | 'safety' | null;
  /** The step proposed (under the safety path: the step after the safety assessment). */
  readonly step: Step | null;
  readonly advice: StepAdvice | null;
}

export function proposalOf(outcome: ScreeningOutcome, followUp: FollowUpOutcome | null): Proposal {
  const recommendation = followUp?.recommendation ?? outcome.recommendation;
  switch (recommendation.kind) {
    case 'step':
      return {
        recommendation,
        choice: recommendation.step,
        step: recommendation.step,
        advice: followUp?.advice ?? outcome.advice,
      };
    case 'safety':
      return {
        recommendation,
        choice: 'safety',
        step: recommendation.underlyingStep,
        advice: followUp?.advice ?? outcome.advice,
      };
    case 'administer':
      return { recommendation, choice: null, step: null, advice: null };
    default: {
      const exhaustive: never = recommendation;
      return exhaustive;
    }
  }
}

/** The advice for what the professional chose: the proposal's, or the chosen step's own. */
export function chosenAdvice(pack: ContentPack, proposal: Proposal, chosen: Step | 'safety' | null): StepAdvice | null {
  if (chosen === null || chosen === 'safety' || chosen === proposal.step) return proposal.advice;
  return stepAdvice(pack, chosen);
}
