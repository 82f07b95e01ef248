import { useRegisterSW } from 'virtual:pwa-register/react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { flushBeforeReload, isUpdateBlocked } from '../../runtime/update/update-guards';
import { markOfflineReadyAnnounced, shouldAnnounceOfflineReady } from './offline-ready-once';
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
 */
export function UpdatePrompt() {
  const t = useT();
  const [applying, setApplying] = useState(false);
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) scheduleUpdateChecks(registration);
    },
    // The new worker took control (this tab's "Bijwerken", or another tab's). Without this hook the
    // plugin calls location.reload() at once, so a second tab would lose its unsaved answers (R27).
    onNeedReload: reloadAfterFlush,
  });

  const announceOffline = offlineReady && shouldAnnounceOfflineReady();
  useEffect(() => {
    if (announceOffline) markOfflineReadyAnnounced();
  }, [announceOffline]);

  const blocked = isUpdateBlocked();

  async function apply() {
    if (isUpdateBlocked()) return;
    setApplying(true);
    await flushBeforeReload();
    await updateServiceWorker(true);
  }

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {announceOffline && !needRefresh && (
        <div className="toast">
          <p>{t('update.offlineReady')}</p>
          <button type="button" className="button secondary" onClick={() => setOfflineReady(false)}>
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
