/**
 * Domain types for content packs and engine inputs. Pure data shapes: the valibot schema in
 * src/content/schema.ts produces values assignable to these (checked at compile time there).
 */

/** Every user-facing string exists in Dutch and English. */
export interface Text {
  readonly nl: string;
  readonly en: string;
}

/** [V] verified in a source, [I] our inference/proposal, [U] unverified (see clinical-notes.md). */
export type Certainty = 'verified' | 'inference' | 'unverified';

/** Steps of the chain approach: 0 Voorlichting, 1 Lichte ondersteuning, 2 Zorg, 3 Zwaardere zorg. */
export type Step = 0 | 1 | 2 | 3;

/** Safety path levels: same-day assessment, or an emergency (e.g. postpartum psychosis). */
export type SafetyLevel = 'urgent' | 'emergency';

/** Every pathway this build knows, once: the pack schema, content sync, filters and start screen read it. */
export const PATHWAY_IDS = ['postpartum', 'relapse-prevention', 'caregivers'] as const;
export type PathwayId = (typeof PATHWAY_IDS)[number];

export type Audience = 'professional' | 'person' | 'relative';

export type SpecialGroup =
  | 'young-caregivers'
  | 'working-caregivers'
  | 'migration-background'
  | 'caregivers-psychological-problems';

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
}

/** A rule or threshold always names where it comes from and how sure we are. */
export interface Provenance {
  readonly sources: readonly string[];
  readonly certainty: Certainty;
}

// ── Instruments ────────────────────────────────────────────────────────────────

/** `full-text` shows item wording (self-completion possible); `score-entry` shows topic labels only. */
export type PresentationMode = 'full-text' | 'score-entry';

export interface Item {
  readonly id: string;
  readonly number: number;
  /** Short topic label in our own words; always present, the only label in score-entry mode. */
  readonly topic: Text;
  /** Full item wording; only for full-text instruments (or after a licence pack adds it). */
  readonly text?: Text;
  /** Item-specific option labels (e.g. PHQ-9 difficulty question); otherwise the instrument's. */
  readonly optionLabels?: readonly Text[];
  /** Unscored items (PHQ-9 difficulty question, Whooley help question) steer the conversation only. */
  readonly scored: boolean;
}

export interface ScoringKey extends Provenance {
  readonly method: 'sum';
  /** Score per printed option position (0-based) for an item in normal order. */
  readonly optionScores: readonly number[];
  /** Items whose printed order runs from highest to lowest score. */
  readonly reversedItems: readonly string[];
  /** False until the key has been checked against the licensed form; the UI says so. */
  readonly keyVerified: boolean;
}

export interface Band extends Provenance {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly label: Text;
}

export interface Subscale {
  readonly id: string;
  readonly label: Text;
  readonly itemIds: readonly string[];
  readonly bands: readonly Band[];
}

export interface RedFlagRule extends Provenance {
  readonly id: string;
  readonly itemId: string;
  /** Triggers when the item's score is at least this value. */
  readonly minScore: number;
  readonly level: SafetyLevel;
  readonly label: Text;
}

export interface Licence {
  readonly note: Text;
  readonly sources: readonly string[];
  /** Set when a licence pack added the item text. */
  readonly licensedBy?: string;
}

export interface Instrument {
  readonly id: string;
  readonly version: string;
  readonly name: Text;
  readonly presentation: PresentationMode;
  readonly licence: Licence;
  readonly instructions?: Text;
  readonly optionLabels?: readonly Text[];
  readonly items: readonly Item[];
  readonly scoring: ScoringKey;
  readonly bands: readonly Band[];
  readonly subscales: readonly Subscale[];
  readonly redFlags: readonly RedFlagRule[];
  /** Change in total that counts as improvement at a follow-up (CONTENT.md §3). */
  readonly minimalChange: { readonly value: number } & Provenance;
  readonly notes?: readonly Text[];
  readonly sources: readonly string[];
}

// ── Conditions (data, evaluated by the engine; no eval) ──────────────────────────

/** A threshold is a number or a reference to a pathway cut-off that may depend on the context. */
export type Threshold = number | { readonly cutoff: string };

export type IntakeField = 'fullRemission' | 'onAntidepressant' | 'wantsToTaper' | 'residualSymptoms' | 'warningSigns';

export type Condition =
  | { readonly kind: 'total'; readonly instrument: string; readonly min?: Threshold; readonly below?: Threshold }
  | {
      readonly kind: 'item';
      readonly instrument: string;
      readonly item: string;
      readonly min?: number;
      readonly below?: number;
    }
  | { readonly kind: 'band'; readonly instrument: string; readonly band: string }
  | { readonly kind: 'flag'; readonly flag: string }
  | { readonly kind: 'context'; readonly phase: ContextPhase; readonly trimesters?: readonly Trimester[] }
  | { readonly kind: 'episodes'; readonly min?: number; readonly max?: number }
  /** Whole months since the remission date; never matches when the date is unknown. */
  | { readonly kind: 'remission-months'; readonly min?: number; readonly below?: number }
  | { readonly kind: 'remission-known'; readonly equals: boolean }
  | { readonly kind: 'intake'; readonly field: IntakeField; readonly equals: boolean }
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition };

// ── Pathways ─────────────────────────────────────────────────────────────────────

/**
 * `keep`: the screening sets no step of its own; the step stays the one the pathway's
 * `keepsStepOf` instruments last gave (caregivers: a PHQ on a burden step keeps the burden step, §3c).
 */
export type RuleOutcome =
  | { readonly kind: 'step'; readonly step: Step }
  | { readonly kind: 'administer'; readonly instrument: string }
  | { readonly kind: 'keep' };

export interface RoutingRule extends Provenance {
  readonly id: string;
  readonly when: Condition;
  readonly outcome: RuleOutcome;
  readonly label: Text;
  /** A matching score counts as positive for the follow-up rule (CONTENT.md §3). */
  readonly positive?: boolean;
  /** What to do now for an `administer` outcome; a step's actions live in the pathway's steps. */
  readonly actions?: readonly Text[];
}

/** What a step of the pathway means: its actions, why, and what "not improved" does there. */
export interface StepDefinition extends Provenance {
  readonly rationale: Text;
  readonly actions: readonly Text[];
  /** At a follow-up on this step, a positive score that did not improve steps up or stays (§3). */
  readonly whenNotImproved: 'step-up' | 'stay';
}

/** A band set used instead of the instrument's own when the condition holds (labels follow the cut-off). */
export interface BandOverride {
  readonly instrument: string;
  readonly when: Condition;
  readonly bands: readonly Band[];
}

export interface Cutoff extends Provenance {
  readonly id: string;
  readonly label: Text;
  readonly value: number;
  readonly overrides: readonly { readonly when: Condition; readonly value: number }[];
}

/** A yes/no question the professional answers; `safety` questions open the safety path. */
export interface PathwayQuestion extends Provenance {
  readonly id: string;
  readonly question: Text;
  readonly reminder?: Text;
  /**
   * Routing questions are `persistent` when they are facts about the client (carried forward to every
   * follow-up, changed only on purpose) or transient (asked afresh each time).
   */
  readonly effect:
    | { readonly kind: 'routing'; readonly persistent: boolean }
    | { readonly kind: 'safety'; readonly level: SafetyLevel };
}

export interface Interval extends Provenance {
  readonly defaultDays: number;
  readonly minDays: number;
  readonly maxDays: number;
}

export interface FollowUpDefaults {
  readonly steps: readonly [Interval, Interval, Interval, Interval];
  readonly safety: Interval;
}

export type ContextRequirement = 'perinatal' | 'none';

export interface SafetyAction {
  readonly id: string;
  readonly label: Text;
  readonly requiresNote: boolean;
  /** Offered only for these signals (red-flag rule or safety question ids); for every signal when absent. */
  readonly signals?: readonly string[];
  /** "Invoer gecorrigeerd": allowed only when the corrected answers no longer raise the flag. */
  readonly correctsInput?: boolean;
}

/** What a safety signal (a red-flag rule or a safety question) brings: its own cards first, extra routes. */
export interface SafetySignalContent {
  readonly signal: string;
  readonly cards: readonly string[];
  readonly helpRoutes: readonly string[];
}

export interface Pathway {
  readonly id: PathwayId;
  readonly name: Text;
  readonly context: ContextRequirement;
  readonly stepLabels: readonly [Text, Text, Text, Text];
  readonly instruments: readonly string[];
  readonly cutoffs: readonly Cutoff[];
  readonly questions: readonly PathwayQuestion[];
  readonly rules: readonly RoutingRule[];
  /** Steps 0–3: actions, rationale and the not-improved behaviour (CONTENT.md §3, §4a). */
  readonly steps: readonly [StepDefinition, StepDefinition, StepDefinition, StepDefinition];
  readonly bandOverrides?: readonly BandOverride[];
  /** Instruments whose step a `keep` rule keeps (caregivers: EDIZ-plus and CSI). */
  readonly keepsStepOf?: readonly string[];
  readonly followUp: FollowUpDefaults;
  /** The follow-up rule of CONTENT.md §3, with the wording of each branch. */
  readonly improvement: Provenance & {
    readonly label: Text;
    readonly branches: Readonly<Record<FollowUpBranch | 'step-down-with-clinician', Text>>;
  };
  readonly safety: {
    readonly helpRoutes: readonly string[];
    readonly signals: readonly SafetySignalContent[];
    readonly actions: readonly SafetyAction[];
  } & Provenance;
}

// ── Relapse decision aid and plan ─────────────────────────────────────────────────

export interface DecisionAidRow extends Provenance {
  readonly id: string;
  readonly situation: Text;
  readonly when: Condition;
  readonly options: readonly Text[];
  readonly safety: boolean;
}

export interface PlanTemplate {
  readonly id: string;
  readonly title: Text;
  readonly warningSignCategories: readonly { readonly id: string; readonly label: Text }[];
  readonly sections: readonly { readonly id: string; readonly label: Text; readonly hint: Text }[];
  readonly sources: readonly string[];
}

export interface Checklist {
  readonly id: string;
  readonly title: Text;
  readonly purpose: Text;
  readonly groups: readonly { readonly id: string; readonly label: Text; readonly signs: readonly Text[] }[];
  readonly sources: readonly string[];
}

// ── Cards and help routes ─────────────────────────────────────────────────────────

export type CardKind = 'signalling' | 'tip' | 'safety' | 'emergency';

export interface Card {
  readonly id: string;
  readonly kind: CardKind;
  readonly audience: Audience;
  readonly pathway: PathwayId;
  readonly specialGroup?: SpecialGroup;
  /** The steps whose result shows this card (CONTENT.md §4a); none: found only in the card browser. */
  readonly steps?: readonly Step[];
  readonly title: Text;
  readonly body: Text;
  readonly points?: readonly Text[];
  readonly helpRoutes: readonly string[];
  readonly sources: readonly string[];
  /** Verified when every claim is a fact its sources state; inference when the card draws advice from them. */
  readonly certainty: Certainty;
  /** Checklists of this pack that the card refers to (the screen links to them). */
  readonly checklists?: readonly string[];
}

export interface Phone {
  readonly number: string;
  readonly label: Text;
  /** Only numbers marked verified in the research notes are shipped. */
  readonly verified: true;
  readonly sources: readonly string[];
}

export interface HelpRoute {
  readonly id: string;
  readonly name: Text;
  readonly offer: Text;
  readonly url?: string;
  readonly phones: readonly Phone[];
  readonly local: boolean;
  readonly sources: readonly string[];
}

// ── Golden vectors ────────────────────────────────────────────────────────────────

export type ExpectedRecommendation =
  | 'step-0'
  | 'step-1'
  | 'step-2'
  | 'step-3'
  | 'safety-urgent'
  | 'safety-emergency'
  | `administer:${string}`;

export type GoldenVector =
  | {
      readonly id: string;
      readonly kind: 'screening';
      readonly input: {
        readonly instrumentId: string;
        readonly answers: Readonly<Record<string, number>>;
        readonly context: ScreeningContext;
        readonly flags: Readonly<Record<string, boolean>>;
        readonly intake?: RelapseIntake;
        readonly now: string;
      };
      readonly expect: {
        readonly total: number;
        readonly band: string;
        readonly recommendation: ExpectedRecommendation;
        readonly followUpDue: string | null;
        readonly ruleIds: readonly string[];
      };
    }
  | {
      readonly id: string;
      readonly kind: 'follow-up';
      readonly input: {
        readonly instrumentId: string;
        readonly previousAnswers: Readonly<Record<string, number>>;
        /** When the earlier screening and its decision were made. */
        readonly previousAt: string;
        /** The step chosen at the earlier decision; the earlier screening's own step when absent. */
        readonly chosenStep?: Step;
        readonly answers: Readonly<Record<string, number>>;
        readonly context: ScreeningContext;
        readonly now: string;
      };
      readonly expect: {
        readonly branch: FollowUpBranch;
        readonly decision: FollowUpDecision;
        readonly proposedStep: Step | 'safety';
      };
    }
  | {
      readonly id: string;
      readonly kind: 'decision-aid';
      readonly input: { readonly intake: RelapseIntake; readonly now: string };
      readonly expect: { readonly rowIds: readonly string[]; readonly safety: boolean };
    };

// ── Packs and roles ───────────────────────────────────────────────────────────────

export interface ContentPack {
  readonly schemaVersion: 1;
  readonly id: PathwayId;
  readonly contentVersion: string;
  readonly digest: string;
  readonly title: Text;
  readonly sources: readonly Source[];
  readonly instruments: readonly Instrument[];
  readonly pathway: Pathway;
  readonly decisionAid?: readonly DecisionAidRow[];
  readonly planTemplate?: PlanTemplate;
  readonly checklists: readonly Checklist[];
  readonly cards: readonly Card[];
  readonly helpRoutes: readonly HelpRoute[];
  readonly goldenVectors: readonly GoldenVector[];
}

export type RoleId = 'verloskundige-kraamzorg-jgz' | 'poh-ggz' | 'mantelzorgondersteuner';

export interface Role {
  readonly id: RoleId;
  readonly label: Text;
  readonly pathways: readonly PathwayId[];
}

export interface RolesFile {
  readonly schemaVersion: 1;
  readonly contentVersion: string;
  readonly digest: string;
  readonly roles: readonly Role[];
}

// ── Engine inputs ─────────────────────────────────────────────────────────────────

export type Trimester = 1 | 2 | 3;
export type ContextPhase = 'pregnant' | 'postpartum';

/**
 * Pregnancy is stored as weeks of gestation, so a follow-up recomputes the trimester; contexts stored
 * before that carry only the trimester and are still read.
 */
export type ScreeningContext =
  | { readonly phase: 'pregnant'; readonly gestationWeeks: number; readonly trimester?: undefined }
  | { readonly phase: 'pregnant'; readonly trimester: Trimester; readonly gestationWeeks?: undefined }
  | { readonly phase: 'postpartum'; readonly weeks: number }
  | { readonly phase: 'none' };

/** Answers are printed option positions (0-based), keyed by item id, or as a list of pairs. */
export type Answers =
  | Readonly<Record<string, number>>
  | readonly { readonly itemId: string; readonly position: number }[];

/** `now` as epoch milliseconds or an ISO 8601 string; the domain never reads the clock. */
export type Instant = number | string;

/** 'close' is only found in outcomes stored before 2026-12: closing is now the professional's choice. */
export type FollowUpDecision = 'step-up' | 'stay' | 'step-down' | 'close' | 'safety';

/** The branch of the follow-up rule that decided (CONTENT.md §3, branches 2–8). */
export type FollowUpBranch =
  | 'not-comparable'
  | 'worse'
  | 'improved'
  | 'not-improved'
  | 'too-early'
  | 'low-steady'
  | 'stay';

export interface RelapseIntake {
  readonly episodes: number;
  readonly remissionDate?: string;
  readonly fullRemission: boolean;
  readonly onAntidepressant: boolean;
  readonly wantsToTaper: boolean;
  readonly residualSymptoms: boolean;
  readonly warningSigns: boolean;
  readonly phq9?: Answers;
}
