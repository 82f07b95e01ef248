// Regional numbers (CONTENT.md §4): the huisartsenpost, the crisis service, the POP-poli and the
// steunpunt mantelzorg have no national number, so the practice enters them here, with who confirmed
// them and when; every change is in the audit log. Until set, the urgent panel says so.
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { appendAuditQuietly, type VaultSession } from '../../db';
import { useSession } from '../../runtime/session-store';
import { useVault } from '../../runtime/vault/runtime-context';
import { readSetting, useSetting, writeSetting } from '../settings/use-setting';

export const REGIONAL_NUMBERS_SETTING = 'regionalNumbers';
export const REGIONAL_KEYS = ['huisartsenpost', 'crisisdienst', 'popPoli', 'steunpunt'] as const;
export type RegionalKey = (typeof REGIONAL_KEYS)[number];

/** Which help route of a pack a regional number belongs to (the crisis service has no route). */
export const REGIONAL_ROUTE: Readonly<Record<RegionalKey, string | null>> = {
  huisartsenpost: 'huisartsenpost',
  crisisdienst: null,
  popPoli: 'pop-poli',
  steunpunt: 'steunpunt-mantelzorg',
};

export const PHONE = /^[0-9][0-9 -]{1,18}[0-9]$/;
const Phone = v.union([v.literal(''), v.pipe(v.string(), v.regex(PHONE))]);

export const RegionalNumbersSchema = v.object({
  numbers: v.object({ huisartsenpost: Phone, crisisdienst: Phone, popPoli: Phone, steunpunt: Phone }),
  by: v.pipe(v.string(), v.minLength(1), v.maxLength(6)),
  at: v.pipe(v.string(), v.isoTimestamp()),
});
export type RegionalNumbers = v.InferOutput<typeof RegionalNumbersSchema>;

/** The confirmed numbers; undefined while loading, null when the practice has not set them. */
export function useRegionalNumbers(): RegionalNumbers | null | undefined {
  return useSetting(REGIONAL_NUMBERS_SETTING, RegionalNumbersSchema);
}

/**
 * The same, safe to call while locked ("Hulp nu" on the lock screen): the numbers are sealed in the
 * vault, so then it answers 'locked' instead of claiming they are not set.
 */
export function useRegionalNumbersOrLocked(): RegionalNumbers | null | undefined | 'locked' {
  const vault = useVault();
  const status = useSession((s) => s.vaultStatus);
  return useLiveQuery(
    async () =>
      status === 'unlocked' && vault.hasSession()
        ? readSetting(vault.session(), REGIONAL_NUMBERS_SETTING, RegionalNumbersSchema)
        : ('locked' as const),
    [vault, status],
  );
}

export async function saveRegionalNumbers(session: VaultSession, value: RegionalNumbers): Promise<void> {
  await writeSetting(session, REGIONAL_NUMBERS_SETTING, RegionalNumbersSchema, value);
  // Settings are not audited per write; a crisis number is, because a wrong one can cost a life.
  await appendAuditQuietly(session.db, [{ action: 'change', recordId: REGIONAL_NUMBERS_SETTING }]);
}

/** `tel:` link target: digits (and a leading +) only. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}
