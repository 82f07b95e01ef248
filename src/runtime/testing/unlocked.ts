// Component tests run behind a real, unlocked vault on fake-indexeddb (fast KDF), so screens are
// tested as users reach them, never through a bypass.
import { TEST_KDF, type VaultSession } from '../../db';
import { syncContent } from '../content/sync-content';
import { type Profile, saveProfile } from '../profile/profile';
import { useSession } from '../session-store';
import { freshTestRuntime } from './test-runtime';

export const TEST_PASSPHRASE = 'correct horse battery';

/** A fresh database with a vault, unlocked and adopted by the test's runtime. */
export async function unlockedVault(
  profile: Profile = { roles: ['verloskundige-kraamzorg-jgz', 'poh-ggz', 'mantelzorgondersteuner'], initials: 'TV' },
): Promise<VaultSession> {
  const runtime = freshTestRuntime();
  const session = await runtime.createVault(TEST_PASSPHRASE, TEST_KDF);
  await saveProfile(session, profile);
  await syncContent(runtime.db); // the bundled packs, validated and imported as at app start
  return runtime.adopt(session);
}

/** A fresh database with no vault: the app starts in onboarding. */
export function firstUse(): void {
  freshTestRuntime();
  useSession.setState({ vaultStatus: 'checking' });
}
