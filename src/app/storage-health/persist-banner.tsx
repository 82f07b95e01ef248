import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { rememberedPersistOutcome, requestPersistence, storageStatus } from '../../db/first-screen';
import { useMessages } from '../../i18n/define-messages';
import { useSession } from '../../runtime/session-store';
import { storageHealthMessages } from './messages';

const HIDDEN_KEY = 'stapwijzer.persistBannerHidden';

/**
 * R10: when the browser refused persistent storage, say so on every screen until it is granted
 * (installing the app often grants it). One short line, at most a tenth of a phone screen (issue 18),
 * and "Verbergen" lasts: a banner that returns at every start over answer options teaches people to
 * ignore banners. Settings → Opslag keeps showing the state. requestPersistence() asks once per
 * profile — onboarding asks first — and remembers the answer; before a vault exists nothing is asked.
 * The remembered answer shows the banner from the first render, while the vault is still being looked
 * for: the lock screen below it is then laid out once, not pushed down by a late banner (issue 23, CLS).
 */
export function PersistBanner() {
  const t = useMessages(storageHealthMessages);
  const status = useSession((s) => s.vaultStatus);
  const [denied, setDenied] = useState(() => rememberedPersistOutcome() === 'denied');
  const [hidden, setHidden] = useState(() => localStorage.getItem(HIDDEN_KEY) === '1');
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

  // Not on first use (no vault, nothing to lose yet), also when an earlier vault left the answer behind.
  if (!denied || hidden || status === 'first-use') return null;
  const hide = () => {
    localStorage.setItem(HIDDEN_KEY, '1');
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
