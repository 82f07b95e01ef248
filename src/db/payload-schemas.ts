/**
 * What a decrypted payload must look like before a repository hands it out (STYLE habit 7: validate
 * at every boundary). A GCM tag proves a row was written with our key, not that it has the shape
 * this build expects: a row written by a newer or older build, or by a bug, is caught here and
 * reported like a damaged row (`integrity` for that row only) instead of being cast and trusted.
 *
 * Objects are loose: a field a newer build added is kept, not refused, so a downgrade after an
 * update never makes records unreadable. The engine's own outcomes (score, recommendation, reasons)
 * are checked for the fields the app reads back; their full shape is the engine's contract and is
 * pinned by the domain tests and golden vectors.
 */
import * as v from 'valibot';
import type { CaseloadEntry, CaseloadIndicators } from '../domain/caseload';
import type { Recommendation } from '../domain/result';
import { PATHWAY_IDS, type Step } from '../domain/types';
import type { EncryptedTableName } from './database';
import type {
  CaseloadIndexPayload,
  ClientPayload,
  DecisionPayload,
  DraftPayload,
  FollowUpEventPayload,
  FollowUpPayload,
  NotePayload,
  PlanPayload,
  SafetyEventPayload,
  ScreeningPayload,
  TextDraftPayload,
} from './types';

const Str = v.string();
const Pathway = v.picklist(PATHWAY_IDS);
const StepSchema = v.custom<Step>((x) => x === 0 || x === 1 || x === 2 || x === 3, 'not a step');
const StepOrSafety = v.union([StepSchema, v.literal('safety')]);
const Positions = v.record(Str, v.number());
const Flags = v.record(Str, v.boolean());
/** An object produced by the engine; `T` is its contract, pinned by the domain tests. */
const engineObject = <T>(what: string) =>
  v.custom<T>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), `${what} is not an object`);

const RecommendationSchema = v.custom<Recommendation>(
  (x) =>
    typeof x === 'object' &&
    x !== null &&
    'kind' in x &&
    (x.kind === 'step' || x.kind === 'administer' || x.kind === 'safety'),
  'not a recommendation',
);

const PreScreenSchema = v.looseObject({ instrumentId: Str, answers: Positions });

export const ClientPayloadSchema = v.looseObject({
  alias: Str,
  code: v.exactOptional(Str),
  pathwayIds: v.exactOptional(v.array(Pathway)),
});

const inputs = {
  pathwayId: Pathway,
  instrumentId: Str,
  answers: Positions,
  context: engineObject<ScreeningPayload['context']>('context'),
  flags: Flags,
};

export const ScreeningPayloadSchema = v.looseObject({
  ...inputs,
  outcome: v.pipe(
    engineObject<ScreeningPayload['outcome']>('outcome'),
    v.check(
      (o) => v.is(RecommendationSchema, o.recommendation) && Array.isArray(o.reasons),
      'outcome without a recommendation and reasons',
    ),
  ),
  followUpOutcome: v.exactOptional(engineObject<NonNullable<ScreeningPayload['followUpOutcome']>>('followUpOutcome')),
  previousScreeningId: v.exactOptional(Str),
  selfCompleted: v.exactOptional(v.boolean()),
  preScreens: v.exactOptional(v.array(PreScreenSchema)),
  intake: v.exactOptional(engineObject<NonNullable<ScreeningPayload['intake']>>('intake')),
});

export const DraftPayloadSchema = v.looseObject({
  pathwayId: Pathway,
  instrumentId: v.exactOptional(Str),
  answers: v.exactOptional(Positions),
  context: v.exactOptional(inputs.context),
  flags: v.exactOptional(Flags),
  position: v.exactOptional(v.number()),
  followUpId: v.exactOptional(Str),
  previousScreeningId: v.exactOptional(Str),
  handedToClient: v.exactOptional(v.boolean()),
  preScreens: v.exactOptional(v.array(PreScreenSchema)),
  intake: v.exactOptional(engineObject<NonNullable<DraftPayload['intake']>>('intake')),
});

export const TextDraftPayloadSchema = v.strictObject({
  kind: v.literal('text'),
  key: Str,
  texts: v.record(Str, Str),
});

/** A drafts row holds a screening draft or a text draft (TextDraftPayload). */
const DraftsTableSchema = v.union([TextDraftPayloadSchema, DraftPayloadSchema]);

export const DecisionPayloadSchema = v.looseObject({
  recommended: RecommendationSchema,
  chosen: StepOrSafety,
  overrideReason: v.exactOptional(Str),
  reasons: v.array(engineObject<DecisionPayload['reasons'][number]>('reason')),
  safetyAction: v.exactOptional(engineObject<NonNullable<DecisionPayload['safetyAction']>>('safetyAction')),
  note: v.exactOptional(Str),
});

export const FollowUpPayloadSchema = v.looseObject({
  step: StepOrSafety,
  instrumentId: Str,
  screeningId: Str,
  note: v.exactOptional(Str),
});

const PlanContentSchema = {
  warningSigns: v.array(v.looseObject({ category: v.nullable(Str), text: Str })),
  triggers: v.array(Str),
  whatIDo: v.array(Str),
  whatOthersDo: v.array(Str),
  whomToCall: v.array(v.looseObject({ name: Str, phone: v.exactOptional(Str) })),
  intake: v.exactOptional(engineObject<NonNullable<PlanPayload['intake']>>('intake')),
  revisedAt: Str,
};

export const PlanPayloadSchema = v.looseObject({
  ...PlanContentSchema,
  history: v.exactOptional(v.array(v.looseObject({ revisedAt: Str, snapshot: v.looseObject(PlanContentSchema) }))),
});

export const NotePayloadSchema = v.looseObject({ text: Str });

const TextPair = v.looseObject({ nl: Str, en: Str });

export const SafetyEventPayloadSchema = v.variant('kind', [
  v.looseObject({
    kind: v.literal('signal'),
    pathwayId: Pathway,
    signal: v.looseObject({
      id: Str,
      kind: v.picklist(['red-flag', 'safety-question']),
      level: v.picklist(['urgent', 'emergency']),
      label: TextPair,
    }),
    draftId: v.nullable(Str),
    handedToClient: v.exactOptional(v.boolean()),
    at: Str,
  }),
  v.looseObject({
    kind: v.literal('action'),
    action: Str,
    note: v.exactOptional(Str),
    screeningId: v.exactOptional(Str),
    at: Str,
  }),
  v.looseObject({ kind: v.literal('discarded'), what: Str, at: Str }),
  v.looseObject({ kind: v.literal('linked'), at: Str }),
]);

const LocalDate = v.pipe(Str, v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const FollowUpEventPayloadSchema = v.variant('kind', [
  v.looseObject({ kind: v.literal('completed'), followUpId: Str, screeningId: v.exactOptional(Str), at: Str }),
  v.looseObject({ kind: v.literal('cancelled'), followUpId: Str, reason: v.exactOptional(Str), at: Str }),
  v.looseObject({
    kind: v.literal('rescheduled'),
    followUpId: Str,
    dueDate: LocalDate,
    reason: v.exactOptional(Str),
    at: Str,
  }),
]);

/**
 * `auditChain` holds events and one anchor; each reader checks which it got (audit-store.ts), so the
 * table's schema only says "an object".
 */
const AuditChainPayloadSchema = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  'audit payload is not an object',
);

/** Settings are validated by the schema each setting's reader passes (readSetting). */
const SettingPayloadSchema = v.unknown();

/** The caseload index is derived data: its entries are checked as objects; a wrong shape means a rebuild. */
const RowCounts = v.object({
  clients: v.number(),
  screenings: v.number(),
  decisions: v.number(),
  followUps: v.number(),
  // Absent in a format-2 head: it must still open, so a save sees the old format and leaves it be.
  followUpEvents: v.optional(v.number(), 0),
  safetyEvents: v.number(),
});
const CaseloadEntrySchema = v.custom<CaseloadEntry>(
  (x) =>
    typeof x === 'object' &&
    x !== null &&
    'key' in x &&
    typeof x.key === 'string' &&
    'rows' in x &&
    typeof x.rows === 'object',
  'not a caseload entry',
);
const CaseloadIndicatorsSchema = v.custom<CaseloadIndicators>(
  (x) =>
    typeof x === 'object' &&
    x !== null &&
    'screenings' in x &&
    Array.isArray(x.screenings) &&
    'decisions' in x &&
    Array.isArray(x.decisions) &&
    'followUps' in x &&
    Array.isArray(x.followUps) &&
    'safetyEvents' in x &&
    Array.isArray(x.safetyEvents),
  'not caseload indicators',
);
export const CaseloadIndexPayloadSchema = v.variant('kind', [
  v.looseObject({
    kind: v.literal('head'),
    format: v.number(),
    timeZone: Str,
    chunks: v.number(),
    indicatorChunks: v.number(),
    damaged: RowCounts,
  }),
  v.looseObject({ kind: v.literal('chunk'), format: v.number(), entries: v.array(CaseloadEntrySchema) }),
  v.looseObject({
    kind: v.literal('indicators'),
    format: v.number(),
    parts: v.array(v.object({ key: Str, indicators: CaseloadIndicatorsSchema })),
  }),
]);

export const PAYLOAD_SCHEMAS = {
  clients: ClientPayloadSchema,
  screenings: ScreeningPayloadSchema,
  drafts: DraftsTableSchema,
  decisions: DecisionPayloadSchema,
  followUps: FollowUpPayloadSchema,
  plans: PlanPayloadSchema,
  notes: NotePayloadSchema,
  settings: SettingPayloadSchema,
  safetyEvents: SafetyEventPayloadSchema,
  followUpEvents: FollowUpEventPayloadSchema,
  caseloadIndex: CaseloadIndexPayloadSchema,
  auditChain: AuditChainPayloadSchema,
  // Checked as a day by its reader (team-audit.repository.ts), which is not on the lock screen's chunk.
  teamAudit: AuditChainPayloadSchema,
} as const satisfies Record<EncryptedTableName, v.GenericSchema>;

// Compile-time proof that each schema's output is the payload type its repository returns.
type Assert<T extends true> = T;
export type PayloadSchemasMatchTypes = [
  Assert<v.InferOutput<typeof ClientPayloadSchema> extends ClientPayload ? true : false>,
  Assert<v.InferOutput<typeof ScreeningPayloadSchema> extends ScreeningPayload ? true : false>,
  Assert<v.InferOutput<typeof DraftPayloadSchema> extends DraftPayload ? true : false>,
  Assert<v.InferOutput<typeof TextDraftPayloadSchema> extends TextDraftPayload ? true : false>,
  Assert<v.InferOutput<typeof DecisionPayloadSchema> extends DecisionPayload ? true : false>,
  Assert<v.InferOutput<typeof FollowUpPayloadSchema> extends FollowUpPayload ? true : false>,
  Assert<v.InferOutput<typeof PlanPayloadSchema> extends PlanPayload ? true : false>,
  Assert<v.InferOutput<typeof NotePayloadSchema> extends NotePayload ? true : false>,
  Assert<v.InferOutput<typeof SafetyEventPayloadSchema> extends SafetyEventPayload ? true : false>,
  Assert<v.InferOutput<typeof FollowUpEventPayloadSchema> extends FollowUpEventPayload ? true : false>,
  Assert<v.InferOutput<typeof CaseloadIndexPayloadSchema> extends CaseloadIndexPayload ? true : false>,
];

/**
 * The record fields sealed beside the payload since schema v5 (clear-fields.ts `sealedMeta`):
 * checked on open like the payload, so a row of another shape is 'integrity', not a wrong date.
 */
const Ms = v.number();
const times = { createdAt: Ms, updatedAt: Ms };
const Day = v.pipe(Str, v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const SEALED_META_SCHEMAS = {
  clients: v.looseObject({ ...times, status: v.picklist(['active', 'archived']) }),
  screenings: v.looseObject({
    ...times,
    status: v.picklist(['completed', 'cancelled']),
    packId: Str,
    packVersion: Str,
    instrumentId: Str,
    instrumentVersion: Str,
  }),
  drafts: v.looseObject(times),
  decisions: v.looseObject({ ...times, screeningId: Str, pathwayId: Str }),
  followUps: v.looseObject({
    ...times,
    pathwayId: Str,
    status: v.picklist(['open', 'done', 'cancelled']),
    dueDate: Day,
  }),
  plans: v.looseObject({ ...times, pathwayId: Str, status: v.picklist(['active', 'closed']) }),
  notes: v.looseObject(times),
  settings: v.looseObject(times),
  safetyEvents: v.looseObject({ ...times, signalId: Str, clientId: v.nullable(Str) }),
  followUpEvents: v.looseObject({}),
  caseloadIndex: v.looseObject({}),
  auditChain: v.looseObject({}),
  teamAudit: v.looseObject({}),
} as const satisfies Record<EncryptedTableName, v.GenericSchema>;
