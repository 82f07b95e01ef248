// Typed access to encrypted settings: every value read back is validated by its schema (STYLE habit 7),
// so a damaged or older value falls back to the default instead of reaching the UI.
import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { getSetting, putSetting, type VaultSession } from '../../db/first-screen';
import { useVault } from '../../runtime/vault/runtime-context';

type Schema<T> = v.GenericSchema<unknown, T>;

export async function readSetting<T>(session: VaultSession, name: string, schema: Schema<T>): Promise<T | null> {
  const record = await getSetting(session, name);
  const parsed = v.safeParse(schema, record?.data);
  return parsed.success ? parsed.output : null;
}

/** Creates or replaces a setting (validated before it is written). */
export async function writeSetting<T>(session: VaultSession, name: string, schema: Schema<T>, value: T): Promise<void> {
  const loaded = await getSetting(session, name);
  await putSetting(session, name, v.parse(schema, value), loaded);
}

/** The setting's value; undefined while loading, null when unset or invalid. */
export function useSetting<T>(name: string, schema: Schema<T>): T | null | undefined {
  const vault = useVault();
  return useLiveQuery(() => readSetting(vault.session(), name, schema), [name, schema]);
}
