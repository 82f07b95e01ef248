/**
 * The slice of FHIR R4 JSON that Stapwijzer writes, as plain types. Hand-written on purpose: the app
 * ships no FHIR library, and the tests validate every export against the official R4 JSON schema,
 * so a shape these types allow but R4 forbids still fails there.
 */

export interface Extension {
  readonly url: string;
  readonly valueDecimal?: number;
  readonly valueString?: string;
  readonly valueExpression?: { readonly language: string; readonly expression: string };
}

export interface Coding {
  readonly system: string;
  readonly version?: string;
  readonly code: string;
  readonly display?: string;
  readonly extension?: readonly Extension[];
}

export interface CodeableConcept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}

export interface Reference {
  readonly reference: string;
}

export interface Identifier {
  readonly system: string;
  readonly value: string;
}

export interface Patient {
  readonly resourceType: 'Patient';
  readonly id: string;
  readonly identifier: readonly Identifier[];
}

export interface QuestionnaireAnswerOption {
  readonly valueCoding: Coding;
  readonly extension?: readonly Extension[];
}

export interface QuestionnaireItem {
  readonly linkId: string;
  readonly prefix?: string;
  readonly text: string;
  readonly type: 'choice' | 'integer';
  readonly code?: readonly Coding[];
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly answerOption?: readonly QuestionnaireAnswerOption[];
  readonly extension?: readonly Extension[];
}

export interface Questionnaire {
  readonly resourceType: 'Questionnaire';
  readonly id: string;
  readonly url: string;
  readonly version: string;
  readonly name: string;
  readonly title: string;
  readonly status: 'active';
  readonly subjectType: readonly ['Patient'];
  readonly language: string;
  readonly code: readonly Coding[];
  readonly copyright: string;
  readonly item: readonly QuestionnaireItem[];
}

export interface QuestionnaireResponseItem {
  readonly linkId: string;
  readonly answer: readonly ({ readonly valueCoding: Coding } | { readonly valueInteger: number })[];
}

export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly id: string;
  readonly questionnaire: string;
  readonly status: 'completed';
  readonly subject: Reference;
  readonly authored: string;
  readonly item: readonly QuestionnaireResponseItem[];
}

export interface ObservationComponent {
  readonly code: CodeableConcept;
  readonly valueCodeableConcept: CodeableConcept;
}

export interface Observation {
  readonly resourceType: 'Observation';
  readonly id: string;
  readonly status: 'final';
  readonly category: readonly CodeableConcept[];
  readonly code: CodeableConcept;
  readonly subject: Reference;
  readonly effectiveDateTime: string;
  readonly valueInteger?: number;
  readonly valueBoolean?: boolean;
  readonly interpretation?: readonly CodeableConcept[];
  readonly note?: readonly { readonly text: string }[];
  readonly derivedFrom: readonly Reference[];
  readonly component?: readonly ObservationComponent[];
}

export interface CodeSystemConcept {
  readonly code: string;
  readonly display: string;
}

export interface CodeSystem {
  readonly resourceType: 'CodeSystem';
  readonly id: string;
  readonly url: string;
  readonly version: string;
  readonly name: string;
  readonly title: string;
  readonly status: 'active';
  readonly content: 'complete';
  readonly caseSensitive: true;
  readonly concept: readonly CodeSystemConcept[];
}

export type Resource = Patient | Questionnaire | QuestionnaireResponse | Observation | CodeSystem;

export interface BundleEntry {
  readonly fullUrl: string;
  readonly resource: Resource;
}

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly BundleEntry[];
}
