import { type FormEvent, useId, useState } from 'react';
import { wipeAllData } from '../../db/first-screen';
import { useMessages } from '../../i18n/define-messages';
import { announceWiped, lockOtherTabs } from '../../runtime/cross-tab/lock-tabs';
import { useVault } from '../../runtime/vault/runtime-context';
import { backupMessages } from './messages';

const CONFIRM_WORD = 'WISSEN';

export function WipeSection() {
  const vault = useVault();
  const t = useMessages(backupMessages);
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function wipe(event: FormEvent) {
    event.preventDefault();
    if (typed.trim() !== CONFIRM_WORD || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      lockOtherTabs('wipe'); // they drop the key and their connection before the database goes (R43)
      await wipeAllData(vault.db, {
        restart: () => {
          announceWiped();
          location.replace('/');
        },
      });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('wipeHeading')}</h2>
      <p>{t('wipeIntro')}</p>
      <form onSubmit={wipe} noValidate>
        <div className="text-field">
          <label htmlFor={`${id}-confirm`}>{t('wipeConfirm')}</label>
          <input
            id={`${id}-confirm`}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" className="button danger" disabled={typed.trim() !== CONFIRM_WORD || busy}>
          {busy ? t('wiping') : t('wipeButton')}
        </button>
      </form>
      <p className="form-message" role="alert">
        {failed && t('wipeFailed')}
      </p>
    </section>
  );
}
