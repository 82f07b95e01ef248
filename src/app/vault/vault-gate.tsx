import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { isInitialised } from '../../db/first-screen';
import { LockScreen } from '../../features/lock/lock-screen';
import { useAutoLockMinutes } from '../../features/settings/auto-lock-setting';
import { syncContent } from '../../runtime/content/sync-content';
import { preloadRoles } from '../../runtime/content/use-roles';
import { useSession } from '../../runtime/session-store';
import { useVault } from '../../runtime/vault/runtime-context';
import { ScreenLoading } from '../screen-loading';
import { useAutoLock } from './use-auto-lock';

// Onboarding is seen once per device: it stays out of the first-screen bundle. The roles file it shows
// first is fetched alongside it, not after it.
const Onboarding = lazy(() => {
  preloadRoles();
  return import('../../features/onboarding/onboarding').then((m) => ({ default: m.Onboarding }));
});

// Shown only while a team's backup is restored: loaded then (the backup screen's chunk is there already).
const RestoringScreen = lazy(() =>
  import('../../features/backup/restoring-screen').then((m) => ({ default: m.RestoringScreen })),
);

/**
 * Shows the screens only while the vault is unlocked. Locked means the data key is dropped and every
 * screen that could show client data is unmounted (so none is left in the DOM); first use means
 * onboarding. No build flag bypasses this.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const vault = useVault();
  const status = useSession((s) => s.vaultStatus);
  const setStatus = useSession((s) => s.setVaultStatus);
  const setContentProblems = useSession((s) => s.setContentProblems);
  const synced = useRef(false);
  const vaultExists = status === 'locked' || status === 'unlocked';

  useEffect(() => {
    // Content tables are not encrypted: they are brought up to date while the lock screen shows. Not
    // before a vault exists, so a first start (or a start after a wipe) creates no database at all.
    if (!vaultExists || synced.current) return;
    synced.current = true;
    syncContent(vault.db)
      .then((r) => setContentProblems(r.refused.map((p) => p.message)))
      .catch(() => setContentProblems(['content-sync-failed']));
  }, [vault, vaultExists, setContentProblems]);

  useEffect(() => {
    if (status !== 'checking') return;
    vault
      .databaseExists()
      .then((exists) => (exists ? isInitialised(vault.db) : false))
      .then((initialised) => setStatus(initialised ? 'locked' : 'first-use'))
      .catch(() => setStatus('locked'));
  }, [vault, status, setStatus]);

  switch (status) {
    case 'checking':
      return <ScreenLoading />;
    case 'first-use':
      return (
        <Suspense fallback={<ScreenLoading />}>
          <Onboarding />
        </Suspense>
      );
    case 'locked':
      return <LockScreen />;
    case 'restoring':
      return (
        <Suspense fallback={<ScreenLoading />}>
          <RestoringScreen />
        </Suspense>
      );
    case 'unlocked':
      return <Unlocked>{children}</Unlocked>;
  }
}

/** The idle time comes from the 'autoLockMinutes' setting (default 5 min, chosen in Instellingen). */
function Unlocked({ children }: { children: ReactNode }) {
  useAutoLock(useAutoLockMinutes() * 60_000);
  return children;
}
