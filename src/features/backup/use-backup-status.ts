import { useLiveQuery } from 'dexie-react-hooks';
import * as v from 'valibot';
import { currentSession } from '../../app/vault/vault-runtime';
import { BACKUP_STATUS_SETTING, getSetting } from '../../db';

const StatusSchema = v.object({ lastBackupAt: v.pipe(v.string(), v.isoTimestamp()), recordCount: v.number() });

/** The last export (validated when read back); null if never, undefined while loading. */
export function useBackupStatus() {
  return useLiveQuery(async () => {
    const parsed = v.safeParse(StatusSchema, (await getSetting(currentSession(), BACKUP_STATUS_SETTING))?.data);
    return parsed.success ? parsed.output : null;
  }, []);
}
