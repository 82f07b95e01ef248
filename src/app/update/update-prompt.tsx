import { useRegisterSW } from 'virtual:pwa-register/react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { flushBeforeReload, isUpdateBlocked } from '../../runtime/update/update-guards';
import {
  browserInstallEnvironment,
  expectOfflineReady,
  markOfflineReadyAnnounced,
  shouldAnnounceOfflineReady,
} from './offline-ready-once';
import { scheduleUpdateChecks } from './update-checks';

/** Flushes open work, then reloads; a failed flush still reloads (the last autosave stands). */
export async function reloadAfterFlush(reload: () => void = () => window.location.reload()): Promise<void> {
  await flushBeforeReload().catch(() => {});
  reload();
}

/**
 * Says "ready to work offline" once, and offers a waiting update. Nothing reloads on its own: the
 * update is applied only when the user clicks "Bijwerken", after open drafts are flushed, and never
 * while a guard blocks it (hand-to-client mode).
 * On a device's first load the offline line is there from the first render, as "wordt klaargezet…"
 * until the worker has installed, so its arrival does not push the screen down (issue 23).
 */
export function UpdatePrompt({ path }: { path?: string } = {}) {
  const t = useT();
  const [applying, setApplying] = useState(false);
  // Read once per mount: marking the line shown must not take it away again at the next render.
  const [due] = useState(() => shouldAnnounceOfflineReady());
  const [expected] = useState(() => {
    const env = browserInstallEnvironment();
    return env !== null && expectOfflineReady(env);
  });
  const [installing, setInstalling] = useState(expected);
  const [closed, setClosed] = useState(false);
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) scheduleUpdateChecks(registration);
      // One that fails to install (a broken release) brings no "ready".
      const worker = registration?.installing ?? registration?.waiting;
      if (worker) {
        worker.addEventListener('statechange', () => worker.state === 'redundant' && setInstalling(false));
        return;
      }
      // None installing: on this device's first load the worker finished before we were told (a busy
      // main thread under load), so its precache is complete and the line says so. Hiding it here
      // and showing it again at "installed" moved the whole screen twice, at a random moment.
      if (expected && registration?.active) setOfflineReady(true);
      else setInstalling(false); // installed on an earlier load: no "ready" follows
    },
    onRegisterError: () => setInstalling(false),
    // The new worker took control (this tab's "Bijwerken", or another tab's). Without this hook the
    // plugin calls location.reload() at once, so a second tab would lose its unsaved answers (R27).
    onNeedReload: reloadAfterFlush,
  });

  const announceOffline = due && offlineReady;
  useEffect(() => {
    if (announceOffline) markOfflineReadyAnnounced();
  }, [announceOffline]);
  // Once "klaar" has been shown, going to another screen counts as read: the line gives its room back
  // (on a phone it pushed the result's decision and "Opslaan" below the first screen, issue 18). Decided
  // while rendering the new screen, so it never paints once with the line and then moves up.
  const [readyPath, setReadyPath] = useState<string | undefined>(undefined);
  const movedOn = readyPath !== undefined && path !== readyPath;
  useEffect(() => {
    if (announceOffline && readyPath === undefined) setReadyPath(path);
    if (movedOn) setClosed(true); // and it stays away when the user comes back
  }, [announceOffline, path, readyPath, movedOn]);
  const showOffline = due && !closed && !movedOn && !needRefresh && (offlineReady || installing);
  function closeOffline() {
    markOfflineReadyAnnounced(); // closed while still installing: the "ready" line is not owed any more
    setClosed(true);
    setOfflineReady(false);
  }

  const blocked = isUpdateBlocked();

  async function apply() {
    if (isUpdateBlocked()) return;
    setApplying(true);
    await flushBeforeReload();
    await updateServiceWorker(true);
  }

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {showOffline && (
        <div className="toast" data-testid="offline-ready">
          {/* Both texts share one grid cell, the hidden one invisible: the box is as high in both states. */}
          <p className="toast-stack">
            <span className={offlineReady ? 'off' : undefined}>{t('update.offlineInstalling')}</span>
            <span className={offlineReady ? undefined : 'off'}>{t('update.offlineReady')}</span>
          </p>
          <button type="button" className="button secondary" onClick={closeOffline}>
            {t('common.close')}
          </button>
        </div>
      )}
      {needRefresh && !blocked && (
        <div className="toast">
          <p>{t('update.available')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={apply} disabled={applying}>
              {applying ? t('update.applying') : t('update.apply')}
            </button>
            <button type="button" className="button secondary" onClick={() => setNeedRefresh(false)}>
              {t('update.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
