/**
 * The caseload index (issue 17, ARCHITECTURE "What stays in clear"): what Vandaag, the client list,
 * search and the practice indicators need, per client, derived from that client's decrypted records.
 * The inputs are structural subsets of the stored records (src/db passes its records as they are),
 * so this module needs no storage types. Nothing here is stored in clear: src/db seals the entries.
 */
import type { FollowUpEventInput } from '../follow-up-state';
import type { IndicatorDecision, IndicatorFollowUp, IndicatorSafetyEvent, IndicatorScreening } from '../indicators';
import type { Recommendation } from '../result';
import type { FollowUpBranch, SafetyLevel, Step } from '../types';

/** A decrypted client record, as far as the index reads it. */
export interface CaseloadClientInput {
  readonly id: string;
  readonly status: 'active' | 'archived';
  /** The initials of the member who created the client (issue 20): the responsible member. */
  readonly createdBy?: string | undefined;
  readonly data: {
    readonly alias: string;
    readonly code?: string | undefined;
    readonly pathwayIds?: readonly string[];
  };
}

export interface CaseloadScreeningInput {
  readonly id: string;
  readonly createdAt: number;
  readonly status: 'completed' | 'cancelled';
  readonly data: {
    readonly pathwayId: string;
    readonly instrumentId: string;
    readonly previousScreeningId?: string | undefined;
    readonly outcome: {
      readonly score: { readonly total: number };
      readonly reasons: readonly { readonly ruleId: string }[];
    };
    readonly followUpOutcome?: { readonly branch: FollowUpBranch; readonly currentStep: Step } | undefined;
  };
}

export interface CaseloadDecisionInput {
  readonly id: string;
  readonly createdAt: number;
  readonly screeningId: string;
  readonly pathwayId: string;
  readonly data: { readonly recommended: Recommendation; readonly chosen: Step | 'safety' };
}

export interface CaseloadFollowUpInput {
  readonly id: string;
  readonly createdAt: number;
  readonly pathwayId: string;
  readonly status: 'open' | 'done' | 'cancelled';
  readonly dueDate: string;
  readonly data: { readonly step: Step | 'safety'; readonly screeningId: string; readonly instrumentId: string };
}

/** A follow-up event (completed, cancelled, rescheduled): the follow-up's state is derived from these. */
export type CaseloadFollowUpEventInput = FollowUpEventInput;

export interface CaseloadSafetyEventInput {
  readonly id: string;
  readonly signalId: string;
  readonly createdAt: number;
  readonly data:
    | {
        readonly kind: 'signal';
        readonly pathwayId: string;
        readonly signal: { readonly level: SafetyLevel };
        readonly at: string;
      }
    | { readonly kind: 'action'; readonly action: string; readonly at: string }
    | { readonly kind: 'discarded'; readonly at: string };
}

/** Every decrypted record of one client (or of no client: anonymous safety events, `client` null). */
export interface CaseloadRecords {
  readonly client: CaseloadClientInput | null;
  readonly screenings: readonly CaseloadScreeningInput[];
  readonly decisions: readonly CaseloadDecisionInput[];
  readonly followUps: readonly CaseloadFollowUpInput[];
  readonly followUpEvents: readonly CaseloadFollowUpEventInput[];
  readonly safetyEvents: readonly CaseloadSafetyEventInput[];
}

/** How many stored rows an entry was built from: the index's staleness check adds these up. */
export interface CaseloadRowCounts {
  clients: number;
  screenings: number;
  decisions: number;
  followUps: number;
  followUpEvents: number;
  safetyEvents: number;
}

/** The open follow-up that comes first (state and due date derived from its events): the lists' "next". */
export interface CaseloadNext {
  readonly followUpId: string;
  readonly dueDate: string;
  readonly pathwayId: string;
  readonly instrumentId: string;
  readonly step: Step | 'safety';
}

/** One index entry. `key` is the client id, or ANONYMOUS_KEY for safety events without a client. */
export interface CaseloadEntry {
  readonly key: string;
  /** Null for the anonymous entry (and for records whose client row is missing): never listed. */
  readonly client: {
    readonly alias: string;
    readonly code: string | null;
    readonly status: 'active' | 'archived';
    /** The responsible member's initials ("mijn cliënten / team"); absent when not known. */
    readonly responsible?: string;
  } | null;
  readonly pathwayId: string | null;
  /** The step chosen at the latest decision (the safety path included); null before any decision. */
  readonly step: Step | 'safety' | null;
  /** The open safety signal: the highest level among the client's signals without an action. */
  readonly safety: { readonly open: boolean; readonly level: SafetyLevel | null };
  readonly lastScore: { readonly total: number; readonly instrumentId: string; readonly day: string } | null;
  readonly next: CaseloadNext | null;
  readonly rows: CaseloadRowCounts;
}

/**
 * What the practice indicators count (src/domain/indicators) of one entry, already reduced to days
 * and ids. Kept apart from the entry: the lists never need it, and it is most of the index's size.
 * Screening ids are per-client short ids (they only link a client's own records).
 */
export interface CaseloadIndicators {
  readonly screenings: readonly IndicatorScreening[];
  readonly decisions: readonly IndicatorDecision[];
  readonly followUps: readonly IndicatorFollowUp[];
  readonly safetyEvents: readonly IndicatorSafetyEvent[];
}

/** One client's projection: the entry the lists read and the records the indicators count. */
export interface CaseloadProjection {
  readonly entry: CaseloadEntry;
  readonly indicators: CaseloadIndicators;
}
