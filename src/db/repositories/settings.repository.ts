/**
 * Settings, encrypted like client data (they will anchor the audit-log chain head). Keyed by a
 * fixed setting name. Values come back as `unknown`: the app validates them with its schema.
 */
import type { VaultSession } from '../session';
import type { Decrypted, SettingClear } from '../types';
import { getRecord, insertRecord, newClear, nextClear, updateRecord } from './encrypted-store';

export type SettingRecord<V> = Decrypted<SettingClear, V>;

export function getSetting(session: VaultSession, name: string): Promise<SettingRecord<unknown> | undefined> {
  return getRecord(session, 'settings', name);
}

/** Creates or updates a setting; pass the loaded record to update ('conflict' if it changed). */
export function putSetting<V>(
  session: VaultSession,
  name: string,
  value: V,
  loaded?: SettingRecord<unknown>,
  now = Date.now(),
): Promise<SettingRecord<V>> {
  if (loaded) return updateRecord(session, 'settings', nextClear(loaded, {}, now), value);
  return insertRecord(session, 'settings', newClear<SettingClear>({ id: name }, now), value);
}
