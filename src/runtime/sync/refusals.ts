// Envelopes the sync engine refused (issue 20: a bad signature, a signer that is not a member, an
// unsigned envelope where one must be signed): kept so the team section of Settings can say which
// record and which claimed author, after a restart too. Stored as one vault setting, so sealed under
// the data key and never synced (settings do not travel); local to this device like the refusal.
import * as v from 'valibot';
import { getSetting, putSetting, type VaultSession } from '../../db';

export const REFUSALS_SETTING = 'sync-refusals';
/** Enough to show and to investigate; the oldest drop off beyond it. */
const KEPT = 100;

const RefusalSchema = v.object({
  docId: v.pipe(v.string(), v.maxLength(200)),
  rev: v.pipe(v.string(), v.maxLength(200)),
  reason: v.picklist(['bad-signature', 'not-member', 'unsigned']),
  /** The device id the envelope named as its signer (unproven). */
  by: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  /** That device's initials, if it is a member (the claim is still unproven). */
  initials: v.nullable(v.pipe(v.string(), v.maxLength(20))),
  /** The kind of record, when the envelope opened under the team key (never applied all the same). */
  table: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  at: v.number(),
});
export type Refusal = v.InferOutput<typeof RefusalSchema>;
const RefusalsSchema = v.object({ refusals: v.array(RefusalSchema) });

export async function readRefusals(session: VaultSession): Promise<Refusal[]> {
  const record = await getSetting(session, REFUSALS_SETTING);
  const parsed = v.safeParse(RefusalsSchema, record?.data);
  return parsed.success ? parsed.output.refusals : [];
}

/** Adds refusals (once per document revision); returns the full list, newest last. */
export async function addRefusals(session: VaultSession, fresh: readonly Refusal[]): Promise<Refusal[]> {
  const loaded = await getSetting(session, REFUSALS_SETTING);
  const parsed = v.safeParse(RefusalsSchema, loaded?.data);
  const kept = parsed.success ? parsed.output.refusals : [];
  const seen = new Set(kept.map((r) => `${r.docId} ${r.rev}`));
  const added = fresh.filter((r) => !seen.has(`${r.docId} ${r.rev}`));
  if (added.length === 0) return kept;
  const next = [...kept, ...added].slice(-KEPT);
  await putSetting(session, REFUSALS_SETTING, { refusals: next }, loaded);
  return next;
}
