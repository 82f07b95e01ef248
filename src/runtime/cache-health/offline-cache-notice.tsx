import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { cacheHealthMessages } from './messages';
import { checkOfflineCache, type OfflineCacheStatus } from './offline-cache';

// A dismissal lasts (issue 18): the same finding is not shown again after a reload or the next check,
// only a different one; an 'ok' check forgets it, so a later failure shows again.
const DISMISSED_KEY = 'stapwijzer:offline-cache-dismissed';

function dismissedStatus(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

function remember(status: OfflineCacheStatus | null): void {
  try {
    if (status === null) localStorage.removeItem(DISMISSED_KEY);
    else localStorage.setItem(DISMISSED_KEY, status);
  } catch {
    // Private mode without storage: the dismissal lasts for this page only.
  }
}

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
          if (s === 'ok' && dismissedStatus() !== 'recached') remember(null);
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

  if (status === 'ok' || status === 'not-installed' || (status !== 'lost-offline' && dismissedStatus() === status))
    return null;
  const key = status === 'recached' ? 'recached' : status === 'lost-offline' ? 'lostOffline' : 'recacheFailed';
  return (
    <section
      className={status === 'recached' ? 'storage-banner compact' : 'storage-banner compact danger'}
      role={status === 'recached' ? 'status' : 'alert'}
      data-testid="offline-cache"
    >
      <p>{t(key)}</p>
      {status !== 'lost-offline' && (
        <div className="storage-banner-actions">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              remember(status);
              setStatus('ok');
            }}
          >
            {t('dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
