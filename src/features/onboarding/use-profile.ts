import { useLiveQuery } from 'dexie-react-hooks';
import { type Profile, readProfile } from '../../runtime/profile/profile';
import { useVault } from '../../runtime/vault/runtime-context';

/** The professional's roles and initials; undefined while loading, null if never set. */
export function useProfile(): Profile | null | undefined {
  const vault = useVault();
  return useLiveQuery(() => readProfile(vault.session()), []);
}
