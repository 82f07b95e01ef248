import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { isInitialised } from '../../db';
import { LockScreen } from '../../features/lock/lock-screen';
import { syncContent } from '../content/sync-content';
import { ScreenLoading } from '../screen-loading';
import { useSession } from '../session-store';
import { useAutoLock } from './use-auto-lock';
import { appDb } from './vault-runtime';

// Onboarding is seen once per device: it stays out of the first-screen bundle.
const Onboarding = lazy(() => import('../../features/onboarding/onboarding').then((m) => ({ default: m.Onboarding })));

/**
 * Shows the screens only while the vault is unlocked. Locked means the data key is dropped and every
 * screen that could show client data is unmounted (so none is left in the DOM); first use means
 * onboarding. No build flag bypasses this.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const status = useSession((s) => s.vaultStatus);
  const setStatus = useSession((s) => s.setVaultStatus);
  const setContentProblems = useSession((s) => s.setContentProblems);

  useEffect(() => {
    // Content tables are not encrypted: they can be brought up to date while the lock screen shows.
    syncContent(appDb())
      .then((r) => setContentProblems(r.refused.map((p) => p.message)))
      .catch(() => setContentProblems(['content-sync-failed']));
  }, [setContentProblems]);

  useEffect(() => {
    if (status !== 'checking') return;
    isInitialised(appDb())
      .then((initialised) => setStatus(initialised ? 'locked' : 'first-use'))
      .catch(() => setStatus('locked'));
  }, [status, setStatus]);

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
    case 'unlocked':
      return <Unlocked>{children}</Unlocked>;
  }
}

function Unlocked({ children }: { children: ReactNode }) {
  useAutoLock();
  return children;
}
