/**
 * Engine outcomes. Every result is discriminated on `ok`, and every successful result carries
 * the reasons (rule id + sources) and the pack/instrument versions, so a stored decision can be
 * explained later even after the content changed.
 */
import type { StepAdvice } from './advice';
import type { Certainty, FollowUpBranch, FollowUpDecision, SafetyLevel, Step, Text } from './types';

export type EngineErrorCode =
  | 'unknown-instrument'
  | 'instrument-not-in-pathway'
  | 'unknown-item'
  | 'missing-answer'
  | 'duplicate-answer'
  | 'out-of-range'
  | 'invalid-context'
  | 'context-required'
  | 'unknown-flag'
  | 'invalid-now'
  | 'invalid-intake'
  | 'instrument-mismatch'
  | 'no-matching-rule'
  | 'no-decision-aid';

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
  readonly instrumentId?: string;
  readonly itemId?: string;
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: EngineError): Result<T> => ({ ok: false, error });

/** Why the engine proposes what it proposes: a rule id and the sources behind it. */
export interface Reason {
  readonly ruleId: string;
  readonly kind: 'band' | 'red-flag' | 'routing' | 'safety-question' | 'follow-up' | 'decision-aid' | 'cutoff';
  readonly label: Text;
  readonly sources: readonly string[];
  readonly certainty: Certainty;
}

export interface ItemScore {
  readonly itemId: string;
  readonly number: number;
  readonly position: number;
  readonly score: number;
}

export interface BandResult {
  readonly id: string;
  readonly label: Text;
}

export interface RedFlagHit {
  readonly ruleId: string;
  readonly itemId: string;
  readonly level: SafetyLevel;
  readonly label: Text;
}

export interface InstrumentScore {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly total: number;
  readonly band: BandResult;
  /** Every scored item, so the professional can check a score-entry result against the paper form. */
  readonly items: readonly ItemScore[];
  /** Unscored questions (e.g. PHQ-9 difficulty) with the chosen position, when answered. */
  readonly unscored: readonly { readonly itemId: string; readonly position: number }[];
  readonly subscales: readonly { readonly id: string; readonly score: number; readonly band: BandResult | null }[];
  readonly redFlags: readonly RedFlagHit[];
  readonly keyVerified: boolean;
}

export type Recommendation =
  | { readonly kind: 'step'; readonly step: Step; readonly administer: readonly string[] }
  | { readonly kind: 'administer'; readonly instruments: readonly string[] }
  | { readonly kind: 'safety'; readonly level: SafetyLevel; readonly underlyingStep: Step | null };

export interface Versions {
  readonly packId: string;
  readonly packVersion: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
}

export interface FollowUpDue {
  readonly date: string;
  readonly earliest: string;
  readonly latest: string;
  readonly certainty: Certainty;
}

export interface ScreeningOutcome {
  readonly score: InstrumentScore;
  readonly recommendation: Recommendation;
  /** Null when the next action is another instrument now (e.g. Whooley positive → EPDS). */
  readonly followUp: FollowUpDue | null;
  readonly reasons: readonly Reason[];
  /** True when any reason rests on an [I] proposal: the UI says regional agreements may differ. */
  readonly containsInference: boolean;
  /** True when any reason rests on an [U] fact (e.g. the EPDS key before it is confirmed). */
  readonly containsUnverified: boolean;
  readonly versions: Versions;
  readonly evaluatedAt: string;
  /**
   * The actions, rationale and cards of the recommended step (on the safety path: of the underlying
   * step, shown after the safety assessment); null when the next action is another instrument.
   */
  readonly advice: StepAdvice | null;
  /** A score matched a rule the pack marks positive (CONTENT.md §3). */
  readonly positive: boolean;
  /** The step a later `keep` screening keeps: this one's own step when its instrument sets it, else the one kept. */
  readonly keptStep: Step | null;
  /** The yes/no answers the routing used, persistent ones carried forward included. */
  readonly flags: Readonly<Record<string, boolean>>;
}

export interface FollowUpOutcome {
  /** The branch of the follow-up rule that decided (CONTENT.md §3); the screen says why from it. */
  readonly branch: FollowUpBranch;
  readonly improved: boolean;
  readonly decision: FollowUpDecision;
  /** c: the step chosen at the earlier decision. */
  readonly currentStep: Step;
  /** p: the step the earlier screening routed to on its own; null when it gave none. */
  readonly previousStep: Step | null;
  /** n: the step the new screening routes to on its own. */
  readonly newStep: Step;
  /** The step the follow-up rule proposes (under the safety path, if that is open too). */
  readonly step: Step;
  readonly proposedStep: Step | 'safety';
  /** What the decision records as the advice: the proposal, so following it is no override. */
  readonly recommendation: Recommendation;
  /** Not comparable: the instrument that set the earlier step, offered for a real comparison. */
  readonly offerInstrument: string | null;
  readonly current: ScreeningOutcome;
  readonly reasons: readonly Reason[];
  readonly containsInference: boolean;
  readonly versions: { readonly previous: Versions; readonly current: Versions };
  readonly followUp: FollowUpDue;
  /** Actions, rationale and cards of the proposed step. */
  readonly advice: StepAdvice;
}

export interface DecisionAidOutcome {
  readonly rows: readonly {
    readonly rowId: string;
    readonly situation: Text;
    readonly options: readonly Text[];
    readonly sources: readonly string[];
    readonly certainty: Certainty;
  }[];
  readonly safety: boolean;
  readonly phq9: InstrumentScore | null;
  readonly monthsSinceRemission: number | null;
  readonly reasons: readonly Reason[];
  readonly packVersion: string;
}
