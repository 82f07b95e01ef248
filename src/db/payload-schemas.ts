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
import type { Recommendation } from '../domain/result';
import { PATHWAY_IDS, type Step } from '../domain/types';
import type { EncryptedTableName } from './database';
import type {
  ClientPayload,
  DecisionPayload,
  DraftPayload,
  FollowUpPayload,
  NotePayload,
  PlanPayload,
  SafetyEventPayload,
  ScreeningPayload,
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

export const PAYLOAD_SCHEMAS = {
  clients: ClientPayloadSchema,
  screenings: ScreeningPayloadSchema,
  drafts: DraftPayloadSchema,
  decisions: DecisionPayloadSchema,
  followUps: FollowUpPayloadSchema,
  plans: PlanPayloadSchema,
  notes: NotePayloadSchema,
  settings: SettingPayloadSchema,
  safetyEvents: SafetyEventPayloadSchema,
  auditChain: AuditChainPayloadSchema,
} as const satisfies Record<EncryptedTableName, v.GenericSchema>;

// Compile-time proof that each schema's output is the payload type its repository returns.
type Assert<T extends true> = T;
export type PayloadSchemasMatchTypes = [
  Assert<v.InferOutput<typeof ClientPayloadSchema> extends ClientPayload ? true : false>,
  Assert<v.InferOutput<typeof ScreeningPayloadSchema> extends ScreeningPayload ? true : false>,
  Assert<v.InferOutput<typeof DraftPayloadSchema> extends DraftPayload ? true : false>,
  Assert<v.InferOutput<typeof DecisionPayloadSchema> extends DecisionPayload ? true : false>,
  Assert<v.InferOutput<typeof FollowUpPayloadSchema> extends FollowUpPayload ? true : false>,
  Assert<v.InferOutput<typeof PlanPayloadSchema> extends PlanPayload ? true : false>,
  Assert<v.InferOutput<typeof NotePayloadSchema> extends NotePayload ? true : false>,
  Assert<v.InferOutput<typeof SafetyEventPayloadSchema> extends SafetyEventPayload ? true : false>,
];
