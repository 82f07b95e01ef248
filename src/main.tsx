// The composition root: the only module that imports src/app. It makes the one vault runtime over the
// app's database and hands it down through context.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { installPreloadErrorGuard } from './app/preload-error-guard';
import { safeRootOptions } from './app/root-error-reporting';
import { preloadHome, router } from './app/router';
import { createDatabase, removeExportFile } from './db/first-screen';
import { preloadRoles } from './runtime/content/use-roles';
import { installCrossTabLocking } from './runtime/cross-tab/lock-tabs';
import { persistLanguage } from './runtime/language-persistence';
import { useSession } from './runtime/session-store';
import { afterUnlockIdle } from './runtime/vault/after-unlock-idle';
import { RuntimeProvider } from './runtime/vault/runtime-context';
import { VaultRuntime } from './runtime/vault/vault-runtime';
import './ui/styles.css';

installPreloadErrorGuard();
persistLanguage();
// Unlocking begins: Vandaag's code, the roles file it shows and team sync's installer load beside the
// key derivation (issue 23: after it, they added a chain of round trips between unlock and Vandaag).
const runtime = new VaultRuntime(createDatabase(), {
  warmUp: () => {
    preloadHome();
    preloadRoles();
    import('./runtime/sync/install').catch(() => {});
  },
});
installCrossTabLocking(runtime);
// Team sync is loaded at the first unlock, never on the first screen (onboarding, lock screen).
const stopWaiting = useSession.subscribe((s) => {
  if (s.vaultStatus !== 'unlocked') return;
  stopWaiting();
  // After Vandaag's first frame: its start reads the team setting (and the device key check that
  // gates every sync), which would otherwise queue ahead of Vandaag's own reads (issue 23).
  void afterUnlockIdle()
    .then(() => import('./runtime/sync/install'))
    .then((m) => m.installTeamSync(runtime));
  // A backup download's file left by an earlier page (db/backup/export-file.ts): its download is over.
  // Not at start: the first access to the origin's file system would share the disk with the unlock.
  void afterUnlockIdle().then(removeExportFile);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The first render as a transition: React renders it in slices that yield to the browser between
// them, instead of one task of the whole tree (on a slow phone the largest part of the start's main-
// thread blocking, issue 23). index.html's shell stays painted until the first screen commits.
startTransition(() => {
  createRoot(root, safeRootOptions).render(
    <StrictMode>
      <RuntimeProvider runtime={runtime}>
        <RouterProvider router={router} />
      </RuntimeProvider>
    </StrictMode>,
  );
});
