/** FHIR R4 exchange: pure mapping from pack content and plain screening facts to R4 JSON. */
export { printedAnswers, TOTAL_LINK_ID } from './answers';
export type { BundleInput, ExportSubject, ScreeningExport } from './bundle';
export { buildBundle, KEY_NOT_CONFIRMED, subjectSystem } from './bundle';
export { canonicalBase, canonicalUrl, DEFAULT_CANONICAL_BASE } from './canonical';
export { buildCodeSystem } from './code-system';
export type { LoincCode } from './codes';
export { LOINC, LOINC_ITEMS, LOINC_PANELS, LOINC_TOTALS, ORDINAL_VALUE, projectCode, projectSystem } from './codes';
export type * from './fhir-types';
export type { ScoreFacts } from './from-score';
export { scoreFacts } from './from-score';
export type { ExportLanguage } from './questionnaire';
export {
  buildQuestionnaire,
  questionnaireCanonical,
  questionnaireUrl,
  questionnaireVersion,
  TOTAL_EXPRESSION,
} from './questionnaire';
