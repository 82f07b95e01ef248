import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { BACKUP_STATUS_SETTING, getSetting } from '../../db';
import { useVault } from '../../runtime/vault/runtime-context';

const StatusSchema = v.object({ lastBackupAt: v.pipe(v.string(), v.isoTimestamp()), recordCount: v.number() });

/** The last export (validated when read back); null if never, undefined while loading. */
export function useBackupStatus() {
  const vault = useVault();
  return useLiveQuery(async () => {
    const parsed = v.safeParse(StatusSchema, (await getSetting(vault.session(), BACKUP_STATUS_SETTING))?.data);
    return parsed.success ? parsed.output : null;
  }, []);
}
