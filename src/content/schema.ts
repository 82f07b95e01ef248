/**
 * Valibot schema for content packs (no eval: safe under a strict CSP). Structural only; the
 * cross-reference checks (ids exist, bands contiguous, text vs presentation) live in integrity.ts.
 * The output types are checked at compile time against the domain types at the bottom.
 */
import * as v from 'valibot';
import type { Condition, ContentPack, LicencePack, RolesFile } from '../domain';
import { PATHWAY_IDS } from '../domain';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case kebab-case'));
const SourceId = v.pipe(v.string(), v.regex(/^S\d+$/, 'source ids look like S12'));
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
export const TextSchema = v.strictObject({ nl: NonEmpty, en: NonEmpty });
const Sources = v.array(SourceId);
const Certainty = v.picklist(['verified', 'inference', 'unverified']);
const Step = v.union([v.literal(0), v.literal(1), v.literal(2), v.literal(3)]);
const NonNegInt = v.pipe(v.number(), v.integer(), v.minValue(0));
const Version = v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'versions look like 1.0.0'));
const PathwayIdSchema = v.picklist(PATHWAY_IDS);
const Trimester = v.union([v.literal(1), v.literal(2), v.literal(3)]);
const Phase = v.picklist(['pregnant', 'postpartum']);
const Threshold = v.union([v.number(), v.strictObject({ cutoff: Id })]);

const provenance = { sources: Sources, certainty: Certainty };

export const ConditionSchema: v.GenericSchema<Condition> = v.lazy(() =>
  v.variant('kind', [
    v.strictObject({
      kind: v.literal('total'),
      instrument: Id,
      min: v.exactOptional(Threshold),
      below: v.exactOptional(Threshold),
    }),
    v.strictObject({
      kind: v.literal('item'),
      instrument: Id,
      item: Id,
      min: v.exactOptional(v.number()),
      below: v.exactOptional(v.number()),
    }),
    v.strictObject({ kind: v.literal('band'), instrument: Id, band: Id }),
    v.strictObject({ kind: v.literal('flag'), flag: Id }),
    v.strictObject({ kind: v.literal('context'), phase: Phase, trimesters: v.exactOptional(v.array(Trimester)) }),
    v.strictObject({ kind: v.literal('episodes'), min: v.exactOptional(NonNegInt), max: v.exactOptional(NonNegInt) }),
    v.strictObject({
      kind: v.literal('remission-months'),
      min: v.exactOptional(NonNegInt),
      below: v.exactOptional(NonNegInt),
    }),
    v.strictObject({ kind: v.literal('remission-known'), equals: v.boolean() }),
    v.strictObject({
      kind: v.literal('intake'),
      field: v.picklist(['fullRemission', 'onAntidepressant', 'wantsToTaper', 'residualSymptoms', 'warningSigns']),
      equals: v.boolean(),
    }),
    v.strictObject({ kind: v.literal('all'), of: v.array(ConditionSchema) }),
    v.strictObject({ kind: v.literal('any'), of: v.array(ConditionSchema) }),
    v.strictObject({ kind: v.literal('not'), of: ConditionSchema }),
  ]),
);

const BandSchema = v.strictObject({ id: Id, min: NonNegInt, max: NonNegInt, label: TextSchema, ...provenance });
const Safety = v.picklist(['urgent', 'emergency']);

const ItemSchema = v.strictObject({
  id: Id,
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  topic: TextSchema,
  text: v.exactOptional(TextSchema),
  optionLabels: v.exactOptional(v.array(TextSchema)),
  scored: v.boolean(),
});

export const InstrumentSchema = v.strictObject({
  id: Id,
  version: Version,
  name: TextSchema,
  presentation: v.picklist(['full-text', 'score-entry']),
  licence: v.strictObject({ note: TextSchema, sources: Sources, licensedBy: v.exactOptional(NonEmpty) }),
  instructions: v.exactOptional(TextSchema),
  optionLabels: v.exactOptional(v.array(TextSchema)),
  items: v.pipe(v.array(ItemSchema), v.minLength(1)),
  scoring: v.strictObject({
    method: v.literal('sum'),
    optionScores: v.pipe(v.array(NonNegInt), v.minLength(2)),
    reversedItems: v.array(Id),
    keyVerified: v.boolean(),
    ...provenance,
  }),
  bands: v.pipe(v.array(BandSchema), v.minLength(1)),
  subscales: v.array(v.strictObject({ id: Id, label: TextSchema, itemIds: v.array(Id), bands: v.array(BandSchema) })),
  redFlags: v.array(
    v.strictObject({ id: Id, itemId: Id, minScore: NonNegInt, level: Safety, label: TextSchema, ...provenance }),
  ),
  minimalChange: v.strictObject({ value: v.pipe(v.number(), v.integer(), v.minValue(1)), ...provenance }),
  notes: v.exactOptional(v.array(TextSchema)),
  sources: Sources,
});

const StepDefinitionSchema = v.strictObject({
  rationale: TextSchema,
  actions: v.pipe(v.array(TextSchema), v.minLength(1, 'every step names its actions')),
  whenNotImproved: v.picklist(['step-up', 'stay']),
  ...provenance,
});

const IntervalSchema = v.strictObject({
  defaultDays: NonNegInt,
  minDays: NonNegInt,
  maxDays: NonNegInt,
  ...provenance,
});

const PathwaySchema = v.strictObject({
  id: PathwayIdSchema,
  name: TextSchema,
  context: v.picklist(['perinatal', 'none']),
  stepLabels: v.tuple([TextSchema, TextSchema, TextSchema, TextSchema]),
  instruments: v.array(Id),
  cutoffs: v.array(
    v.strictObject({
      id: Id,
      label: TextSchema,
      value: NonNegInt,
      overrides: v.array(v.strictObject({ when: ConditionSchema, value: NonNegInt })),
      ...provenance,
    }),
  ),
  questions: v.array(
    v.strictObject({
      id: Id,
      question: TextSchema,
      reminder: v.exactOptional(TextSchema),
      effect: v.variant('kind', [
        v.strictObject({ kind: v.literal('routing'), persistent: v.boolean() }),
        v.strictObject({ kind: v.literal('safety'), level: Safety }),
      ]),
      ...provenance,
    }),
  ),
  rules: v.array(
    v.strictObject({
      id: Id,
      when: ConditionSchema,
      outcome: v.variant('kind', [
        v.strictObject({ kind: v.literal('step'), step: Step }),
        v.strictObject({ kind: v.literal('administer'), instrument: Id }),
        v.strictObject({ kind: v.literal('keep') }),
      ]),
      label: TextSchema,
      positive: v.exactOptional(v.boolean()),
      actions: v.exactOptional(v.array(TextSchema)),
      ...provenance,
    }),
  ),
  steps: v.tuple([StepDefinitionSchema, StepDefinitionSchema, StepDefinitionSchema, StepDefinitionSchema]),
  bandOverrides: v.exactOptional(
    v.array(
      v.strictObject({ instrument: Id, when: ConditionSchema, bands: v.pipe(v.array(BandSchema), v.minLength(1)) }),
    ),
  ),
  keepsStepOf: v.exactOptional(v.array(Id)),
  followUp: v.strictObject({
    steps: v.tuple([IntervalSchema, IntervalSchema, IntervalSchema, IntervalSchema]),
    safety: IntervalSchema,
  }),
  improvement: v.strictObject({
    label: TextSchema,
    branches: v.strictObject({
      'not-comparable': TextSchema,
      worse: TextSchema,
      improved: TextSchema,
      'not-improved': TextSchema,
      'too-early': TextSchema,
      'low-steady': TextSchema,
      stay: TextSchema,
      'step-down-with-clinician': TextSchema,
    }),
    ...provenance,
  }),
  safety: v.strictObject({
    helpRoutes: v.array(Id),
    signals: v.array(v.strictObject({ signal: Id, cards: v.array(Id), helpRoutes: v.array(Id) })),
    actions: v.array(
      v.strictObject({
        id: Id,
        label: TextSchema,
        requiresNote: v.boolean(),
        signals: v.exactOptional(v.array(Id)),
        correctsInput: v.exactOptional(v.boolean()),
      }),
    ),
    ...provenance,
  }),
});

const IsoDate = v.pipe(v.string(), v.isoTimestamp());
const AnswersRecord = v.record(Id, NonNegInt);
const ContextSchema = v.union([
  v.strictObject({ phase: v.literal('pregnant'), gestationWeeks: NonNegInt }),
  v.strictObject({ phase: v.literal('pregnant'), trimester: Trimester }),
  v.strictObject({ phase: v.literal('postpartum'), weeks: NonNegInt }),
  v.strictObject({ phase: v.literal('none') }),
]);
const IntakeSchema = v.strictObject({
  episodes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  remissionDate: v.exactOptional(v.pipe(v.string(), v.isoDate())),
  fullRemission: v.boolean(),
  onAntidepressant: v.boolean(),
  wantsToTaper: v.boolean(),
  residualSymptoms: v.boolean(),
  warningSigns: v.boolean(),
  phq9: v.exactOptional(AnswersRecord),
});
const Expected = v.custom<
  `administer:${string}` | 'step-0' | 'step-1' | 'step-2' | 'step-3' | 'safety-urgent' | 'safety-emergency'
>(
  (x) => typeof x === 'string' && /^(step-[0-3]|safety-urgent|safety-emergency|administer:[a-z0-9-]+)$/.test(x),
  'expected recommendation looks like step-2, safety-urgent or administer:epds',
);

const GoldenVectorSchema = v.variant('kind', [
  v.strictObject({
    id: Id,
    kind: v.literal('screening'),
    input: v.strictObject({
      instrumentId: Id,
      answers: AnswersRecord,
      context: ContextSchema,
      flags: v.record(Id, v.boolean()),
      intake: v.exactOptional(IntakeSchema),
      now: IsoDate,
    }),
    expect: v.strictObject({
      total: NonNegInt,
      band: Id,
      recommendation: Expected,
      followUpDue: v.nullable(v.pipe(v.string(), v.isoDate())),
      ruleIds: v.array(NonEmpty),
    }),
  }),
  v.strictObject({
    id: Id,
    kind: v.literal('follow-up'),
    input: v.strictObject({
      instrumentId: Id,
      previousAnswers: AnswersRecord,
      previousAt: IsoDate,
      chosenStep: v.exactOptional(Step),
      answers: AnswersRecord,
      context: ContextSchema,
      now: IsoDate,
    }),
    expect: v.strictObject({
      branch: v.picklist(['not-comparable', 'worse', 'improved', 'not-improved', 'too-early', 'low-steady', 'stay']),
      decision: v.picklist(['step-up', 'stay', 'step-down', 'close', 'safety']),
      proposedStep: v.union([Step, v.literal('safety')]),
    }),
  }),
  v.strictObject({
    id: Id,
    kind: v.literal('decision-aid'),
    input: v.strictObject({ intake: IntakeSchema, now: IsoDate }),
    expect: v.strictObject({ rowIds: v.array(Id), safety: v.boolean() }),
  }),
]);

const CardSchema = v.strictObject({
  id: Id,
  kind: v.picklist(['signalling', 'tip', 'safety', 'emergency']),
  audience: v.picklist(['professional', 'person', 'relative']),
  pathway: PathwayIdSchema,
  specialGroup: v.exactOptional(
    v.picklist(['young-caregivers', 'working-caregivers', 'migration-background', 'caregivers-psychological-problems']),
  ),
  steps: v.exactOptional(v.array(Step)),
  title: TextSchema,
  body: TextSchema,
  points: v.exactOptional(v.array(TextSchema)),
  helpRoutes: v.array(Id),
  sources: v.pipe(Sources, v.minLength(1, 'every card names at least one source')),
  certainty: Certainty,
  checklists: v.exactOptional(v.array(Id)),
});

const HelpRouteSchema = v.strictObject({
  id: Id,
  name: TextSchema,
  offer: TextSchema,
  url: v.exactOptional(v.pipe(v.string(), v.url())),
  phones: v.array(
    v.strictObject({
      number: v.pipe(v.string(), v.regex(/^[0-9 -]+$/)),
      label: TextSchema,
      verified: v.literal(true),
      sources: v.pipe(Sources, v.minLength(1, 'a phone number needs the source that verified it')),
    }),
  ),
  local: v.boolean(),
  sources: Sources,
});

export const ContentPackSchema = v.strictObject({
  schemaVersion: v.literal(1),
  id: PathwayIdSchema,
  contentVersion: Version,
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'digest is a lower-case hex SHA-256')),
  title: TextSchema,
  sources: v.array(
    v.strictObject({ id: SourceId, title: NonEmpty, url: v.exactOptional(v.pipe(v.string(), v.url())) }),
  ),
  instruments: v.array(InstrumentSchema),
  pathway: PathwaySchema,
  decisionAid: v.exactOptional(
    v.array(
      v.strictObject({
        id: Id,
        situation: TextSchema,
        when: ConditionSchema,
        options: v.array(TextSchema),
        safety: v.boolean(),
        ...provenance,
      }),
    ),
  ),
  planTemplate: v.exactOptional(
    v.strictObject({
      id: Id,
      title: TextSchema,
      warningSignCategories: v.array(v.strictObject({ id: Id, label: TextSchema })),
      sections: v.array(v.strictObject({ id: Id, label: TextSchema, hint: TextSchema })),
      sources: Sources,
    }),
  ),
  checklists: v.array(
    v.strictObject({
      id: Id,
      title: TextSchema,
      purpose: TextSchema,
      groups: v.array(v.strictObject({ id: Id, label: TextSchema, signs: v.array(TextSchema) })),
      sources: Sources,
    }),
  ),
  cards: v.array(CardSchema),
  helpRoutes: v.array(HelpRouteSchema),
  goldenVectors: v.pipe(v.array(GoldenVectorSchema), v.minLength(1, 'a pack needs golden vectors')),
});

export const RolesFileSchema = v.strictObject({
  schemaVersion: v.literal(1),
  contentVersion: Version,
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  roles: v.array(
    v.strictObject({
      id: v.picklist(['verloskundige-kraamzorg-jgz', 'poh-ggz', 'mantelzorgondersteuner']),
      label: TextSchema,
      pathways: v.array(PathwayIdSchema),
    }),
  ),
});

// Licence patches are loose on purpose: unknown fields survive validation so applyLicencePack
// can refuse them by name ("bands cannot be changed") instead of silently dropping them.
const LicenceItemPatchSchema = v.looseObject({
  itemId: Id,
  text: TextSchema,
  optionLabels: v.exactOptional(v.array(TextSchema)),
});
export const LicencePackSchema = v.strictObject({
  kind: v.literal('licence'),
  schemaVersion: v.literal(1),
  id: Id,
  contentVersion: Version,
  packId: PathwayIdSchema,
  holder: NonEmpty,
  instruments: v.array(
    v.looseObject({
      instrumentId: Id,
      instrumentVersion: Version,
      licenceNote: TextSchema,
      instructions: v.exactOptional(TextSchema),
      optionLabels: v.exactOptional(v.array(TextSchema)),
      items: v.array(LicenceItemPatchSchema),
    }),
  ),
});

// Compile-time proof that what the schema produces is what the domain consumes.
type Assert<T extends true> = T;
export type SchemaMatchesDomain = [
  Assert<v.InferOutput<typeof ContentPackSchema> extends ContentPack ? true : false>,
  Assert<v.InferOutput<typeof RolesFileSchema> extends RolesFile ? true : false>,
  Assert<v.InferOutput<typeof LicencePackSchema> extends LicencePack ? true : false>,
];
