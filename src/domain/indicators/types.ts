/**
 * Inputs and outputs of the practice indicators (issue 22). The input is plain, already decrypted
 * records per client, reduced to what the indicators need (calendar days, ids, steps), so the same
 * computation can later be fed from the storage issue's encrypted caseload index instead of from the
 * repositories. Nothing here names a person: no aliases, no codes.
 */
import type { Recommendation } from '../result';
import type { ContentPack, FollowUpBranch, PathwayId, Step } from '../types';

/** A completed screening: its calendar day in the professional's zone and its own routing rules. */
export interface IndicatorScreening {
  readonly id: string;
  readonly pathwayId: PathwayId;
  readonly day: string;
  /** Rule ids of the screening's own outcome (its `reasons`); the pack says which are positive. */
  readonly ruleIds: readonly string[];
  /** The screening this one followed up, when it was a follow-up. */
  readonly previousScreeningId: string | null;
  /** The follow-up rule's branch and the step the client was in, when it was a follow-up. */
  readonly followUp: { readonly branch: FollowUpBranch; readonly currentStep: Step } | null;
}

/** The decision recorded with a screening: the proposal and what was chosen. */
export interface IndicatorDecision {
  readonly screeningId: string;
  readonly pathwayId: PathwayId;
  readonly day: string;
  readonly recommended: Recommendation;
  readonly chosen: Step | 'safety';
}

/** A planned follow-up: when it was decided, when it was due, and for which screening. */
export interface IndicatorFollowUp {
  readonly pathwayId: PathwayId;
  readonly status: 'open' | 'done' | 'cancelled';
  readonly dueDate: string;
  readonly decidedDay: string;
  readonly step: Step | 'safety';
  /** The screening whose decision planned this follow-up. */
  readonly screeningId: string;
}

/** Append-only safety events (anonymous screenings included: they belong to no client). */
export type IndicatorSafetyEvent =
  | { readonly kind: 'signal'; readonly signalId: string; readonly pathwayId: PathwayId; readonly day: string }
  | { readonly kind: 'action'; readonly signalId: string; readonly action: string; readonly day: string }
  | { readonly kind: 'discarded'; readonly signalId: string; readonly day: string };

export interface ClientIndicatorRecords {
  readonly screenings: readonly IndicatorScreening[];
  readonly decisions: readonly IndicatorDecision[];
  readonly followUps: readonly IndicatorFollowUp[];
}

export type Granularity = 'month' | 'quarter';

export interface IndicatorInput {
  readonly clients: readonly ClientIndicatorRecords[];
  readonly safetyEvents: readonly IndicatorSafetyEvent[];
  readonly packs: readonly ContentPack[];
  /** Today in the professional's zone (YYYY-MM-DD): "missed" and the last period depend on it. */
  readonly today: string;
  readonly granularity: Granularity;
  /** How many periods, ending with today's. */
  readonly periods: number;
}

export type IndicatorTableId = 'screenings' | 'steps' | 'follow-ups' | 'safety' | 'not-improved' | 'overrides';

/**
 * One table of counts: rows are exclusive categories, columns the periods, so the rows of a period
 * add up to its total (the export's suppression relies on this).
 */
export interface IndicatorTable {
  readonly id: IndicatorTableId;
  readonly rows: readonly { readonly key: string; readonly counts: readonly number[] }[];
}

export interface PathwayIndicators {
  readonly pathwayId: PathwayId;
  readonly tables: readonly IndicatorTable[];
}

export interface Indicators {
  /** Period labels: `YYYY-MM` or `YYYY-Qn`, oldest first. Never finer than a month. */
  readonly periods: readonly string[];
  readonly pathways: readonly PathwayIndicators[];
}
