import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { reloadIntoNewestBuild } from '../update/reload-into-newest-build';
import { storageHealthMessages } from './messages';

/**
 * Another tab upgraded the database (R13/R14). The storage layer has already run the registered
 * draft flushes and closed this tab's connection for good, so the only way on is a reload. A modal
 * <dialog> (showModal) traps focus and makes the page behind it inert; Escape does not dismiss it.
 */
export function StaleModal() {
  const vault = useVault();
  const t = useMessages(storageHealthMessages);
  const [stale, setStale] = useState(false);
  // The newer build's worker may still be installing: the button says so while the reload waits for it.
  const [reloading, setReloading] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => vault.db.lifecycle.onStale(() => setStale(true)), [vault]);

  useEffect(() => {
    const el = dialog.current;
    if (!stale || !el || el.open) return;
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', ''); // jsdom
  }, [stale]);

  if (!stale) return null;
  return (
    <dialog
      ref={dialog}
      className="stale-modal"
      aria-labelledby="stale-title"
      aria-describedby="stale-text"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="stale-title">{t('staleTitle')}</h2>
      <p id="stale-text">
        {t('stale')} {t('staleSaved')}
      </p>
      <button
        type="button"
        className="button"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          void reloadIntoNewestBuild();
        }}
      >
        {reloading ? t('reloading') : t('reload')}
      </button>
    </dialog>
  );
}
