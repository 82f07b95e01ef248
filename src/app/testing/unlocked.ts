// Component tests run behind a real, unlocked vault on fake-indexeddb (fast KDF), so screens are
// tested as users reach them, never through a bypass.
import { createDatabase, createVault, type VaultSession } from '../../db';
import { TEST_KDF } from '../../db/crypto/kdf';
import { type Profile, saveProfile } from '../../features/onboarding/profile';
import { syncContent } from '../content/sync-content';
import { useSession } from '../session-store';
import { adopt, setDatabaseForTests } from '../vault/vault-runtime';

export const TEST_PASSPHRASE = 'correct horse battery';

let counter = 0;

/** A fresh database with a vault, unlocked and adopted by the app. */
export async function unlockedVault(
  profile: Profile = { roles: ['verloskundige-kraamzorg-jgz', 'poh-ggz', 'mantelzorgondersteuner'], initials: 'TV' },
): Promise<VaultSession> {
  counter += 1;
  const db = createDatabase({ name: `stapwijzer-test-${counter}-${crypto.randomUUID()}`, liveQueryCache: 'disabled' });
  setDatabaseForTests(db);
  const session = await createVault(db, TEST_PASSPHRASE, TEST_KDF);
  await saveProfile(session, profile);
  await syncContent(db); // the bundled packs, validated and imported as at app start
  return adopt(session);
}

/** A fresh database with no vault: the app starts in onboarding. */
export function firstUse(): void {
  counter += 1;
  setDatabaseForTests(
    createDatabase({ name: `stapwijzer-test-${counter}-${crypto.randomUUID()}`, liveQueryCache: 'disabled' }),
  );
  useSession.setState({ vaultStatus: 'checking' });
}
