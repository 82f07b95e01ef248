import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { storageWasCleared } from '../../db/first-screen';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { storageHealthMessages } from './messages';

/** On start: if the browser wiped our database behind our back, say so and point to restoring a backup. */
export function ClearedNotice() {
  const vault = useVault();
  const t = useMessages(storageHealthMessages);
  const [cleared, setCleared] = useState(false);

  useEffect(() => {
    let live = true;
    storageWasCleared(vault.db)
      .then((c) => {
        if (live) setCleared(c);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [vault]);

  if (!cleared) return null;
  return (
    <section className="storage-banner danger" role="alert">
      <p>{t('cleared')}</p>
      <div className="button-row">
        <Link className="button" to="/settings/backup">
          {t('restoreLink')}
        </Link>
        <button type="button" className="button secondary" onClick={() => setCleared(false)}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}
