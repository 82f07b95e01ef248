import { lazy, Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { HelpNowButton } from '../features/safety/help-now-button';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/use-t';
import { OfflineCacheNotice } from '../runtime/cache-health/offline-cache-notice';
import { ContentRepairedNotice } from '../runtime/content-integrity/content-repaired-notice';
import { lockEverywhere } from '../runtime/cross-tab/lock-tabs';
import { useSession } from '../runtime/session-store';
import { useSync } from '../runtime/sync/sync-store';
import { useVault } from '../runtime/vault/runtime-context';
import { ScreenLoading } from './screen-loading';
import { StorageHealth } from './storage-health/storage-health';
import { UpdatePrompt } from './update/update-prompt';
import { ResealNotice } from './vault/reseal-notice';
import { VaultGate } from './vault/vault-gate';

// Only on a device in a team: the sync indicator loads once sync runs (not on anyone's first screen).
const SyncIndicator = lazy(() => import('../features/team/sync-indicator').then((m) => ({ default: m.SyncIndicator })));

// The panel is not on the first screen's path: it loads on the first press (precached, so also offline).
const HelpNowPanel = lazy(() => import('../features/safety/help-now').then((m) => ({ default: m.HelpNowPanel })));

const NAV: ReadonlyArray<{ to: string; label: MessageKey; end?: boolean }> = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/screening', label: 'nav.screening' },
  { to: '/clients', label: 'nav.clients' },
  { to: '/cards', label: 'nav.cards' },
  { to: '/settings', label: 'nav.settings' },
];

/** The shell: skip link, header, main landmark, navigation (bottom bar on phones, top bar on wide screens). */
export function Layout() {
  const t = useT();
  const language = useLanguage();
  const unlocked = useSession((s) => s.vaultStatus === 'unlocked');
  const clientMode = useSession((s) => s.clientMode);
  const navigation = useNavigation();
  const vault = useVault();
  const inTeam = useSync((s) => s.phase !== 'off');
  const [helpOpen, setHelpOpen] = useState(false);
  const { pathname } = useLocation();

  // A link followed from the panel (a card) closes it; so does every other change of screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not a value read.
  useEffect(() => {
    setHelpOpen(false);
  }, [pathname]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className={unlocked && !clientMode ? 'shell with-tabs' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <span className="shell-title">{t('app.name')}</span>
        {!clientMode && (
          <span className="shell-actions">
            {unlocked && inTeam && (
              <Suspense fallback={null}>
                <SyncIndicator />
              </Suspense>
            )}
            <HelpNowButton open={helpOpen} onToggle={() => setHelpOpen((open) => !open)} />
            {unlocked && (
              <button type="button" className="button secondary on-dark" onClick={() => lockEverywhere(vault)}>
                {t('app.lock')}
              </button>
            )}
          </span>
        )}
      </header>
      {helpOpen && !clientMode && (
        <Suspense fallback={<ScreenLoading />}>
          <HelpNowPanel onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
      {unlocked && !clientMode && (
        <nav className="shell-nav" aria-label={t('nav.label')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end === true}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {navigation.state === 'loading' && (
        <div className="route-progress" role="progressbar" aria-label={t('loading.screen')} />
      )}
      {/* Notices are part of the flow, above the screen's content: a sticky bar at the bottom covered
          answer options and buttons while scrolling (issue 18). Each is one short line (≤ 10 % of a
          phone screen, measured in notices.spec) and a dismissal lasts. */}
      <div className="notices">
        <StorageHealth />
        <ResealNotice />
        <ContentRepairedNotice />
        <OfflineCacheNotice />
        <UpdatePrompt path={pathname} />
      </div>
      <main id="main" className="shell-main" tabIndex={-1}>
        <VaultGate>
          <Outlet />
        </VaultGate>
      </main>
    </div>
  );
}
