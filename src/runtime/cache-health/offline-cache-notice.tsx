import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { cacheHealthMessages } from './messages';
import { checkOfflineCache, type OfflineCacheStatus } from './offline-cache';

/**
 * Checks the offline cache at start, when the tab comes back into view and when the connection
 * changes (R48), and says what it found: restored, lost while offline, or not restorable.
 */
export function OfflineCacheNotice() {
  const t = useMessages(cacheHealthMessages);
  const [status, setStatus] = useState<OfflineCacheStatus>('ok');

  useEffect(() => {
    let live = true;
    let running = false;
    const check = () => {
      if (running) return;
      running = true;
      checkOfflineCache()
        .then((s) => {
          if (!live) return;
          // "Restored" stays until dismissed; a later 'ok' does not hide it.
          setStatus((prev) => (s === 'not-installed' || (s === 'ok' && prev === 'recached') ? prev : s));
        })
        .catch(() => {})
        .finally(() => {
          running = false;
        });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    check();
    window.addEventListener('online', check);
    window.addEventListener('offline', check);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      window.removeEventListener('online', check);
      window.removeEventListener('offline', check);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  if (status === 'ok' || status === 'not-installed') return null;
  const key = status === 'recached' ? 'recached' : status === 'lost-offline' ? 'lostOffline' : 'recacheFailed';
  return (
    <section
      className={status === 'recached' ? 'storage-banner' : 'storage-banner danger'}
      role={status === 'recached' ? 'status' : 'alert'}
      data-testid="offline-cache"
    >
      <p>{t(key)}</p>
      {status !== 'lost-offline' && (
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => setStatus('ok')}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
