// The EPDS scoring key ships with keyVerified: false (CONTENT.md §2). A practice that has checked it
// against its licensed Dutch form records that here: who (initials) and when. The screening UI reads it.
import * as v from 'valibot';
import type { VaultSession } from '../../db';
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

export function confirmEpdsKey(session: VaultSession, by: string, at: string): Promise<void> {
  return writeSetting(session, EPDS_KEY_SETTING, EpdsKeyConfirmationSchema, { by, at });
}
