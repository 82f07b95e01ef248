/**
 * One FHIR R4 Questionnaire per instrument, generated from the pack's instrument definition (so it
 * cannot drift from the scoring key it describes). Items are labelled with the pack's own topic
 * words, never with item text: a licence pack may have added licensed wording to the instrument,
 * and that must not leave the device. Answers are codings of the printed answers with ordinalValue
 * = the score; the total is a read-only item whose SDC calculatedExpression sums them.
 */
import type { Instrument } from '../types';
import { printedAnswers, TOTAL_LABEL, TOTAL_LINK_ID } from './answers';
import { canonicalUrl } from './canonical';
import {
  CALCULATED_EXPRESSION,
  LOINC_ITEMS,
  LOINC_PANELS,
  LOINC_TOTALS,
  loincCoding,
  ORDINAL_VALUE,
  projectCode,
  projectSystem,
} from './codes';
import type { Coding, Questionnaire, QuestionnaireItem } from './fhir-types';

export type ExportLanguage = 'nl' | 'en';

/** The pack a screening was scored with: its id and content version. */
export interface PackRef {
  readonly id: string;
  readonly contentVersion: string;
}

/** "instrument version + pack version" in one FHIR version string (semver build metadata). */
export function questionnaireVersion(instrument: Pick<Instrument, 'version'>, pack: PackRef): string {
  return `${instrument.version}+${pack.id}.${pack.contentVersion}`;
}

export function questionnaireUrl(base: string, instrumentId: string): string {
  return canonicalUrl(base, 'Questionnaire', instrumentId);
}

/** `url|version`, the form a QuestionnaireResponse cites. */
export function questionnaireCanonical(base: string, instrument: Instrument, pack: PackRef): string {
  return `${questionnaireUrl(base, instrument.id)}|${questionnaireVersion(instrument, pack)}`;
}

/** The sum of the ordinalValues of every answer: the total, as SDC computes it. */
export const TOTAL_EXPRESSION = `%resource.item.answer.value.extension('${ORDINAL_VALUE}').value.sum()`;

export function projectCoding(base: string, pack: PackRef, code: string, display: string): Coding {
  return { system: projectSystem(base, pack), version: pack.contentVersion, code, display };
}

const computableName = (id: string) =>
  `Stapwijzer${id
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}`;

export function buildQuestionnaire(
  instrument: Instrument,
  pack: PackRef,
  base: string,
  language: ExportLanguage,
): Questionnaire {
  const coding = (code: string, display: string) => projectCoding(base, pack, code, display);
  const panel = LOINC_PANELS[instrument.id];
  const total = LOINC_TOTALS[instrument.id];
  const items = instrument.items.map((item): QuestionnaireItem => {
    const loinc = LOINC_ITEMS[item.id];
    return {
      linkId: item.id,
      prefix: String(item.number),
      text: item.topic[language],
      type: 'choice',
      required: item.scored,
      code: [coding(projectCode.item(item.id), item.topic[language]), ...(loinc ? [loincCoding(loinc)] : [])],
      answerOption: printedAnswers(instrument, item).map((a) => ({
        valueCoding: coding(a.code, a.label[language]),
        ...(a.score === null ? {} : { extension: [{ url: ORDINAL_VALUE, valueDecimal: a.score }] }),
      })),
    };
  });
  return {
    resourceType: 'Questionnaire',
    id: instrument.id,
    url: questionnaireUrl(base, instrument.id),
    version: questionnaireVersion(instrument, pack),
    name: computableName(instrument.id),
    title: instrument.name[language],
    status: 'active',
    subjectType: ['Patient'],
    language,
    code: [
      coding(projectCode.instrument(instrument.id), instrument.name[language]),
      ...(panel ? [loincCoding(panel)] : []),
    ],
    copyright: instrument.licence.note[language],
    item: [
      ...items,
      {
        linkId: TOTAL_LINK_ID,
        text: TOTAL_LABEL[language],
        type: 'integer',
        readOnly: true,
        code: [coding(projectCode.total(instrument.id), TOTAL_LABEL[language]), ...(total ? [loincCoding(total)] : [])],
        extension: [
          { url: CALCULATED_EXPRESSION, valueExpression: { language: 'text/fhirpath', expression: TOTAL_EXPRESSION } },
        ],
      },
    ],
  };
}
