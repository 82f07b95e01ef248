/**
 * Which code identifies what in an export. LOINC only where research/interop-sync.md §A1 marks the
 * code verified (the source of each is listed here and in README.md); every other concept, and
 * every concept as well, is coded in the pack's own CodeSystem (see code-system.ts), so an exported
 * code can always be traced to the content version that scored it.
 */
import { canonicalUrl } from './canonical';
import type { Coding } from './fhir-types';

export const LOINC = 'http://loinc.org';
export const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const CALCULATED_EXPRESSION =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

export interface LoincCode {
  readonly code: string;
  readonly display: string;
  /** Where the code was verified (research/interop-sync.md §A1). */
  readonly source: string;
}

const US_CORE = 'US Core STU6–8 example';
const LL358 = 'LOINC answer list LL358-3 page';

/** Form (panel) codes by instrument id. */
export const LOINC_PANELS: Readonly<Record<string, LoincCode>> = {
  epds: {
    code: '71354-5',
    display: 'Edinburgh Postnatal Depression Scale [EPDS]',
    source: 'LOINC code page (class PANEL.SURVEY.EPDS, status active)',
  },
  'phq-9': {
    code: '44249-1',
    display: 'PHQ-9 quick depression assessment panel [Reported.PHQ]',
    source: `${US_CORE} Observation/PHQ9-panel-example-44249-1`,
  },
  'phq-2': {
    code: '55757-9',
    display: 'Patient Health Questionnaire 2 item (PHQ-2) [Reported]',
    source: 'LOINC panel page 55757-9 (members 44250-9, 44255-8, 55758-7)',
  },
};

/** Total-score codes by instrument id. The EPDS total (99046-5) is only [seen], so it is not here. */
export const LOINC_TOTALS: Readonly<Record<string, LoincCode>> = {
  'phq-9': {
    code: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
    source: `${US_CORE} PHQ9-item-example-44261-6; LOINC page (class SURVEY.PHQ, property Score)`,
  },
  'phq-2': {
    code: '55758-7',
    display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
    source: 'LOINC panel page 55757-9',
  },
};

const phqItem = (code: string, display: string, source: string): LoincCode => ({ code, display, source });

/**
 * Question codes by item id. EPDS items 2–10 have only unverified candidate codes, so no EPDS item
 * carries LOINC (item 1 alone would make the set look complete when it is not).
 */
export const LOINC_ITEMS: Readonly<Record<string, LoincCode>> = {
  'phq9-1': phqItem('44250-9', 'Little interest or pleasure in doing things in last 2 weeks', `${US_CORE} 44250-9`),
  'phq9-2': phqItem('44255-8', 'Feeling down, depressed, or hopeless in last 2 weeks', 'LOINC PHQ-2 panel 55757-9'),
  'phq9-3': phqItem(
    '44259-0',
    'Trouble falling or staying asleep, or sleeping too much in last 2 weeks',
    'LOINC 69729-2 panel hierarchy',
  ),
  'phq9-4': phqItem('44254-1', 'Feeling tired or having little energy in last 2 weeks [Reported.PHQ]', LL358),
  'phq9-5': phqItem('44251-7', 'Poor appetite or overeating in last 2 weeks [Reported.PHQ]', LL358),
  'phq9-6': phqItem(
    '44258-2',
    'Feeling bad about yourself - or that you are a failure or have let yourself or your family down in last 2 weeks [Reported.PHQ]',
    LL358,
  ),
  'phq9-7': phqItem(
    '44252-5',
    'Trouble concentrating on things, such as reading the newspaper or watching television in last 2 weeks [Reported.PHQ]',
    LL358,
  ),
  'phq9-8': phqItem(
    '44253-3',
    'Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual in last 2 weeks [Reported.PHQ]',
    LL358,
  ),
  'phq9-9': phqItem(
    '44260-8',
    'Thoughts that you would be better off dead, or of hurting yourself in some way in last 2 weeks [Reported.PHQ]',
    LL358,
  ),
  'phq2-1': phqItem(
    '44250-9',
    'Little interest or pleasure in doing things in last 2 weeks',
    'LOINC PHQ-2 panel 55757-9',
  ),
  'phq2-2': phqItem('44255-8', 'Feeling down, depressed, or hopeless in last 2 weeks', 'LOINC PHQ-2 panel 55757-9'),
};

export const loincCoding = (c: LoincCode): Coding => ({ system: LOINC, code: c.code, display: c.display });

/** The pack's own CodeSystem: one per pack, versioned with the pack. */
export function projectSystem(base: string, pack: { readonly id: string }): string {
  return canonicalUrl(base, 'CodeSystem', pack.id);
}

/** Project codes, one builder per kind of concept, so the CodeSystem and the exports cannot drift. */
export const projectCode = {
  instrument: (instrumentId: string) => instrumentId,
  item: (itemId: string) => itemId,
  total: (instrumentId: string) => `${instrumentId}.total`,
  /** A printed answer: the instrument's shared options, or the item's own when it has them. */
  answer: (ownerId: string, position: number) => `${ownerId}.option-${position + 1}`,
  band: (instrumentId: string, bandId: string) => `${instrumentId}.band.${bandId}`,
  redFlag: (ruleId: string) => `red-flag.${ruleId}`,
  safetyQuestion: (questionId: string) => `question.${questionId}`,
  safetyActionTaken: () => 'safety-action',
  safetyAction: (actionId: string) => `safety-action.${actionId}`,
} as const;
