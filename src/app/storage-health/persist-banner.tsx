import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { requestPersistence, storageStatus } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { useSession } from '../../runtime/session-store';
import { storageHealthMessages } from './messages';

const HIDDEN_KEY = 'stapwijzer.persistBannerHidden';

/**
 * R10: when the browser refused persistent storage, say so on every screen until it is granted
 * (installing the app often grants it). On a phone the banner would take a sixth of every screen, so
 * it can be put away for this session ("Verbergen"); it comes back at the next start. requestPersistence() asks once per profile — onboarding
 * asks first — and remembers the answer; before a vault exists nothing is asked.
 */
export function PersistBanner() {
  const t = useMessages(storageHealthMessages);
  const status = useSession((s) => s.vaultStatus);
  const [denied, setDenied] = useState(false);
  const [hidden, setHidden] = useState(() => sessionStorage.getItem(HIDDEN_KEY) === '1');
  const hasVault = status === 'locked' || status === 'unlocked';

  useEffect(() => {
    if (!hasVault) return;
    let live = true;
    (async () => {
      const outcome = await requestPersistence();
      const persisted = outcome === 'denied' ? (await storageStatus()).persisted : true;
      if (live) setDenied(outcome === 'denied' && persisted !== true);
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, [hasVault]);

  if (!denied || hidden) return null;
  const hide = () => {
    sessionStorage.setItem(HIDDEN_KEY, '1');
    setHidden(true);
  };
  return (
    <section className="storage-banner compact" aria-label={t('persistDeniedShort')} data-testid="persist-banner">
      <p>{t('persistDenied')}</p>
      <div className="storage-banner-actions">
        {status === 'unlocked' && <Link to="/settings/backup">{t('backupLink')}</Link>}
        <button type="button" className="link-button" onClick={hide}>
          {t('hideForNow')}
        </button>
      </div>
    </section>
  );
}
