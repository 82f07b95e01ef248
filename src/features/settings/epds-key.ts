// The EPDS scoring key ships with keyVerified: false (CONTENT.md §2). A practice that has checked it
// against its licensed Dutch form records that here: who (initials) and when, in the setting and in
// the audit log. The engine then treats the key as verified (the warning disappears).
import * as v from 'valibot';
import { appendAudit, type VaultSession } from '../../db';
import { useSetting, writeSetting } from './use-setting';

export const EPDS_KEY_SETTING = 'epdsKeyConfirmed';

export const EpdsKeyConfirmationSchema = v.object({
  by: v.pipe(v.string(), v.minLength(1), v.maxLength(6)),
  at: v.pipe(v.string(), v.isoTimestamp()),
});
export type EpdsKeyConfirmation = v.InferOutput<typeof EpdsKeyConfirmationSchema>;

/** The recorded confirmation; undefined while loading, null when nobody has confirmed the key. */
export function useEpdsKeyConfirmed(): EpdsKeyConfirmation | null | undefined {
  return useSetting(EPDS_KEY_SETTING, EpdsKeyConfirmationSchema);
}

export async function confirmEpdsKey(session: VaultSession, by: string, at: string): Promise<void> {
  await writeSetting(session, EPDS_KEY_SETTING, EpdsKeyConfirmationSchema, { by, at });
  await appendAudit(session.db, [{ action: 'confirm-epds-key', recordId: null }]);
}

/** Instruments whose key the practice confirmed, for the engine; undefined while loading. */
export function useConfirmedKeys(): readonly string[] | undefined {
  const confirmed = useEpdsKeyConfirmed();
  if (confirmed === undefined) return undefined;
  return confirmed === null ? NONE : EPDS_ONLY;
}
const NONE: readonly string[] = [];
const EPDS_ONLY: readonly string[] = ['epds'];
