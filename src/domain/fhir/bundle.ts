/**
 * A screening as a FHIR R4 Bundle (type collection): per screening a QuestionnaireResponse with the
 * printed answers (valueCoding + ordinalValue = the item score), an Observation for the total
 * (category survey, derivedFrom the response, interpretation = band), an item Observation for each
 * positive red-flag item, and a project-coded Observation for each safety question answered yes,
 * with the recorded actions as components. The subject is a Patient with only a pseudonymous
 * identifier. Pure: ids and the time come in as parameters.
 *
 * The inputs are plain on purpose (no stored record, no engine outcome): whatever shape those take,
 * an adapter fills these fields, and nothing else (an alias, a note) can reach a Bundle.
 */
import type { Instrument, Text } from '../types';
import { printedAnswers, SAFETY_ACTION_TAKEN, TOTAL_LINK_ID, totalDisplay } from './answers';
import { canonicalUrl } from './canonical';
import { LOINC_ITEMS, LOINC_TOTALS, loincCoding, OBSERVATION_CATEGORY, ORDINAL_VALUE, projectCode } from './codes';
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Observation,
  ObservationComponent,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
} from './fhir-types';
import { type ExportLanguage, type PackRef, projectCoding, questionnaireCanonical } from './questionnaire';

export interface ExportSubject {
  /** `code` is the client code the practice knows; `record` an opaque record id when there is none. */
  readonly kind: 'code' | 'record';
  readonly value: string;
}

export interface ScreeningExport {
  readonly pack: PackRef;
  readonly instrument: Instrument;
  /** Printed positions (0-based) of every answered item, scored or not. */
  readonly answers: readonly { readonly itemId: string; readonly position: number }[];
  /** The item scores as the engine recorded them. */
  readonly itemScores: readonly { readonly itemId: string; readonly score: number }[];
  readonly total: number;
  readonly band: { readonly id: string; readonly label: Text };
  readonly redFlags: readonly { readonly ruleId: string; readonly itemId: string; readonly label: Text }[];
  /** Safety questions of the pathway answered yes (e.g. signs of a postpartum psychosis). */
  readonly safetyQuestions: readonly { readonly questionId: string; readonly question: Text }[];
  /** Actions recorded on the safety path; their free-text notes are not an input. */
  readonly safetyActions: readonly { readonly actionId: string; readonly label: Text }[];
  /** ISO 8601 date-time with offset: when the screening was completed. */
  readonly authored: string;
  /** False while the scoring key is neither verified in the pack nor confirmed by the practice. */
  readonly keyConfirmed: boolean;
}

export interface BundleInput {
  readonly base: string;
  readonly language: ExportLanguage;
  /** ISO 8601 date-time with offset: when the export was made. */
  readonly now: string;
  readonly subject: ExportSubject;
  readonly screenings: readonly ScreeningExport[];
  /** A new UUID per call (crypto.randomUUID in the app; a counter in tests). */
  readonly newId: () => string;
}

export const KEY_NOT_CONFIRMED: Text = {
  nl: 'Scoringssleutel niet bevestigd door de praktijk',
  en: 'Scoring key not confirmed by the practice',
};

const SURVEY: CodeableConcept = {
  coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }],
};

export function subjectSystem(base: string, kind: ExportSubject['kind']): string {
  return canonicalUrl(base, 'identifier', kind === 'code' ? 'client-code' : 'client-record');
}

export function buildBundle(input: BundleInput): Bundle {
  const { base, language, newId } = input;
  const patientId = newId();
  const subject: Reference = { reference: `urn:uuid:${patientId}` };
  const entries: BundleEntry[] = [
    {
      fullUrl: subject.reference,
      resource: {
        resourceType: 'Patient',
        id: patientId,
        identifier: [{ system: subjectSystem(base, input.subject.kind), value: input.subject.value }],
      },
    },
  ];
  for (const s of input.screenings) {
    const coding = (code: string, display: string) => projectCoding(base, s.pack, code, display);
    const concept = (code: string, display: string): CodeableConcept => ({
      coding: [coding(code, display)],
      text: display,
    });
    const qrId = newId();
    const response: Reference = { reference: `urn:uuid:${qrId}` };
    const scores = new Map(s.itemScores.map((i) => [i.itemId, i.score]));
    const positions = new Map(s.answers.map((a) => [a.itemId, a.position]));
    const items: QuestionnaireResponseItem[] = [];
    for (const item of s.instrument.items) {
      const position = positions.get(item.id);
      const answer = position === undefined ? undefined : printedAnswers(s.instrument, item)[position];
      if (answer === undefined) continue;
      const score = scores.get(item.id);
      items.push({
        linkId: item.id,
        answer: [
          {
            valueCoding: {
              ...coding(answer.code, answer.label[language]),
              ...(item.scored && score !== undefined
                ? { extension: [{ url: ORDINAL_VALUE, valueDecimal: score }] }
                : {}),
            },
          },
        ],
      });
    }
    items.push({ linkId: TOTAL_LINK_ID, answer: [{ valueInteger: s.total }] });
    const qr: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      id: qrId,
      questionnaire: questionnaireCanonical(base, s.instrument, s.pack),
      status: 'completed',
      subject,
      authored: s.authored,
      item: items,
    };
    entries.push({ fullUrl: response.reference, resource: qr });

    const observation = (
      fields: Pick<Observation, 'code'> &
        Partial<Pick<Observation, 'valueInteger' | 'valueBoolean' | 'interpretation' | 'note' | 'component'>>,
    ): BundleEntry => {
      const id = newId();
      const resource: Observation = {
        resourceType: 'Observation',
        id,
        status: 'final',
        category: [SURVEY],
        subject,
        effectiveDateTime: s.authored,
        derivedFrom: [response],
        ...fields,
      };
      return { fullUrl: `urn:uuid:${id}`, resource };
    };
    const actions: ObservationComponent[] = s.safetyActions.map((a) => ({
      code: concept(projectCode.safetyActionTaken(), SAFETY_ACTION_TAKEN[language]),
      valueCodeableConcept: concept(projectCode.safetyAction(a.actionId), a.label[language]),
    }));
    const withActions = actions.length > 0 ? { component: actions } : {};

    const totalLoinc = LOINC_TOTALS[s.instrument.id];
    const totalName = totalDisplay(s.instrument, language);
    entries.push(
      observation({
        code: {
          coding: [
            coding(projectCode.total(s.instrument.id), totalName),
            ...(totalLoinc ? [loincCoding(totalLoinc)] : []),
          ],
          text: totalName,
        },
        valueInteger: s.total,
        // The coding carries the band's display as the CodeSystem defines it; the text carries the label
        // of this screening's context (e.g. the trimester-1 cut-off), which may word the same band differently.
        interpretation: [
          {
            coding: [coding(projectCode.band(s.instrument.id, s.band.id), baseBandLabel(s)[language])],
            text: s.band.label[language],
          },
        ],
        ...(s.keyConfirmed ? {} : { note: [{ text: KEY_NOT_CONFIRMED[language] }] }),
      }),
    );
    for (const flag of s.redFlags) {
      const item = s.instrument.items.find((i) => i.id === flag.itemId);
      const score = scores.get(flag.itemId);
      if (item === undefined || score === undefined) continue;
      const loinc = LOINC_ITEMS[item.id];
      entries.push(
        observation({
          code: {
            coding: [coding(projectCode.item(item.id), item.topic[language]), ...(loinc ? [loincCoding(loinc)] : [])],
            text: item.topic[language],
          },
          valueInteger: score,
          interpretation: [concept(projectCode.redFlag(flag.ruleId), flag.label[language])],
          ...withActions,
        }),
      );
    }
    for (const q of s.safetyQuestions) {
      entries.push(
        observation({
          code: concept(projectCode.safetyQuestion(q.questionId), q.question[language]),
          valueBoolean: true,
          ...withActions,
        }),
      );
    }
  }
  return { resourceType: 'Bundle', type: 'collection', timestamp: input.now, entry: entries };
}

/** The band's label on the instrument itself (what the CodeSystem displays), whatever the context. */
function baseBandLabel(s: ScreeningExport): Text {
  return s.instrument.bands.find((b) => b.id === s.band.id)?.label ?? s.band.label;
}
