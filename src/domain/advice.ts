/**
 * What a result shows for a step (CONTENT.md §4a): the step's own actions and rationale and the cards
 * that name the step, all from the pack. Never the actions of the rows that matched the score, so a
 * step-up reads as the new step and a step-3 result never reads "normalise".
 */
import type { Certainty, ContentPack, Step, Text } from './types';

export interface StepAdvice {
  readonly step: Step;
  readonly label: Text;
  readonly rationale: Text;
  readonly actions: readonly Text[];
  /** Cards whose `steps` include this step, in pack order. */
  readonly cardIds: readonly string[];
  readonly sources: readonly string[];
  readonly certainty: Certainty;
}

/** The actions, rationale and cards of one step: the proposed one, or the one the professional chose. */
export function stepAdvice(pack: ContentPack, step: Step): StepAdvice {
  const definition = pack.pathway.steps[step];
  return {
    step,
    label: pack.pathway.stepLabels[step],
    rationale: definition.rationale,
    actions: definition.actions,
    cardIds: pack.cards.filter((card) => card.steps?.includes(step) === true).map((card) => card.id),
    sources: definition.sources,
    certainty: definition.certainty,
  };
}
