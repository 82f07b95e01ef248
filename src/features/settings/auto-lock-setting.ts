// How long the app may sit idle before it locks itself (R24). Stored per device as an encrypted setting.
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { useVault } from '../../runtime/vault/runtime-context';
import { readSetting } from './use-setting';

export const AUTO_LOCK_SETTING = 'autoLockMinutes';
export const AUTO_LOCK_OPTIONS = [1, 2, 5, 10, 15] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const AutoLockSchema = v.picklist(AUTO_LOCK_OPTIONS);

/**
 * Minutes of idle time before auto-lock; the default (5) while loading, when never chosen, or when the
 * setting cannot be read. Never throws: the shell reads it, and a storage error (e.g. another tab
 * upgraded the database) must not take the whole app down — locking on time matters more.
 */
export function useAutoLockMinutes(): number {
  const vault = useVault();
  const minutes = useLiveQuery(
    () => readSetting(vault.session(), AUTO_LOCK_SETTING, AutoLockSchema).catch(() => null),
    [],
  );
  return minutes ?? DEFAULT_AUTO_LOCK_MINUTES;
}
