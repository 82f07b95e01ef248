/**
 * The printed answers of an item and the score of each, read from the instrument's scoring key the
 * way score.ts reads it (reversed items count down). The Questionnaire's answer options and the
 * QuestionnaireResponse's answers both come from here, so an ordinalValue is the score by definition.
 */
import type { Instrument, Item, Text } from '../types';
import { projectCode } from './codes';

export interface PrintedAnswer {
  readonly position: number;
  readonly code: string;
  readonly label: Text;
  /** Null for an unscored question (PHQ-9 difficulty, Whooley help question). */
  readonly score: number | null;
}

/** Score-entry instruments without option labels get the printed position, never the licensed text. */
const positionLabel = (p: number): Text => ({ nl: `Antwoord ${p + 1}`, en: `Answer ${p + 1}` });

export function printedAnswers(instrument: Instrument, item: Item): readonly PrintedAnswer[] {
  const normal = instrument.scoring.optionScores;
  const scores = item.scored
    ? instrument.scoring.reversedItems.includes(item.id)
      ? [...normal].reverse()
      : normal
    : null;
  // A licence pack adds licensed wording (item and option text) on the device; exports keep the
  // wording the pack ships, so an export is the same with or without a licence and carries none of it.
  const licensed = instrument.licence.licensedBy !== undefined;
  const labels = licensed ? undefined : (item.optionLabels ?? instrument.optionLabels);
  const owner = item.optionLabels && !licensed ? item.id : instrument.id;
  const count = scores?.length ?? item.optionLabels?.length ?? normal.length;
  return Array.from({ length: count }, (_, position) => ({
    position,
    code: projectCode.answer(owner, position),
    label: labels?.[position] ?? positionLabel(position),
    score: scores?.[position] ?? null,
  }));
}

export const TOTAL_LINK_ID = 'total';
export const TOTAL_LABEL: Text = { nl: 'Totaalscore', en: 'Total score' };
export const SAFETY_ACTION_TAKEN: Text = { nl: 'Genomen veiligheidsactie', en: 'Safety action taken' };

/** The display of an instrument's total-score concept, the same in the CodeSystem and every export. */
export const totalDisplay = (instrument: Pick<Instrument, 'name'>, language: 'nl' | 'en') =>
  `${instrument.name[language]}: ${TOTAL_LABEL[language].toLowerCase()}`;
