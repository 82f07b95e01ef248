// The composition root: the only module that imports src/app. It makes the one vault runtime over the
// app's database and hands it down through context.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { installPreloadErrorGuard } from './app/preload-error-guard';
import { safeRootOptions } from './app/root-error-reporting';
import { router } from './app/router';
import { createDatabase } from './db/first-screen';
import { installCrossTabLocking } from './runtime/cross-tab/lock-tabs';
import { persistLanguage } from './runtime/language-persistence';
import { useSession } from './runtime/session-store';
import { RuntimeProvider } from './runtime/vault/runtime-context';
import { VaultRuntime } from './runtime/vault/vault-runtime';
import './ui/styles.css';

installPreloadErrorGuard();
persistLanguage();
const runtime = new VaultRuntime(createDatabase());
installCrossTabLocking(runtime);
// Team sync is loaded at the first unlock, never on the first screen (onboarding, lock screen).
const stopWaiting = useSession.subscribe((s) => {
  if (s.vaultStatus !== 'unlocked') return;
  stopWaiting();
  void import('./runtime/sync/install').then((m) => m.installTeamSync(runtime));
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root, safeRootOptions).render(
  <StrictMode>
    <RuntimeProvider runtime={runtime}>
      <RouterProvider router={router} />
    </RuntimeProvider>
  </StrictMode>,
);
