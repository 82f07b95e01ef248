import { useLiveQuery } from 'dexie-react-hooks';
import { currentSession } from '../../app/vault/vault-runtime';
import { type Profile, readProfile } from './profile';

/** The professional's roles and initials; undefined while loading, null if never set. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(() => readProfile(currentSession()), []);
}
