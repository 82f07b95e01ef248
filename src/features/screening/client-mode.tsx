// Hand the device to the client: only the questionnaire, in plain language, no navigation and no
// client data. Back button and links stay here (router blocker), an app update waits (update guard),
// a reload ends on the lock screen (the vault locks on every load), and leaving needs the
// professional's passphrase (checked by the vault, with its backoff). The result is never shown here.

import { type FormEvent, useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { isStorageError, lock, unlock } from '../../db';
import type { Instrument } from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { serialisedUnlock } from '../../runtime/cross-tab/unlock-queue';
import { useSession } from '../../runtime/session-store';
import { registerUpdateGuard } from '../../runtime/update/update-guards';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { FullTextForm } from './full-text-form';
import { screeningMessages } from './messages';

export function ClientMode(props: {
  instrument: Instrument;
  answers: Readonly<Record<string, number>>;
  position: number;
  onAnswer: (itemId: string, position: number) => void;
  onPosition: (position: number) => void;
  onExit: () => void;
}) {
  const vault = useVault();
  const t = useMessages(screeningMessages);
  const setClientMode = useSession((s) => s.setClientMode);
  const [done, setDone] = useState(false);
  const [asking, setAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blocker = useBlocker(true);

  useEffect(() => {
    setClientMode(true);
    const drop = registerUpdateGuard({ blocks: () => true });
    return () => {
      drop();
      setClientMode(false);
    };
  }, [setClientMode]);

  useEffect(() => {
    if (blocker.state === 'blocked') {
      blocker.reset();
      setAsking(true);
    }
  }, [blocker]);

  async function leave(event: FormEvent) {
    event.preventDefault();
    if (busy || passphrase === '') return;
    setBusy(true);
    setError(null);
    try {
      // Serialised across tabs like the lock screen, so every guess meets the backoff (R44).
      lock(await serialisedUnlock(() => unlock(vault.db, passphrase)));
      props.onExit();
    } catch (e) {
      setPassphrase('');
      setError(
        isStorageError(e, 'backoff') || isStorageError(e, 'wrong-passphrase')
          ? t('clientExitWrong')
          : t('clientExitFailed'),
      );
      setBusy(false);
    }
  }

  return (
    <section className="client-mode narrow">
      <PageHeading>{t('clientTitle')}</PageHeading>
      {done ? (
        <div className="handback" role="status">
          <p className="lead">{t('clientDone')}</p>
          <p className="big-text">{t('clientGiveBack')}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t('clientIntro')}</p>
          <FullTextForm
            instrument={props.instrument}
            answers={props.answers}
            position={props.position}
            mode="one"
            audience="client"
            onAnswer={props.onAnswer}
            onPosition={props.onPosition}
            onDone={() => setDone(true)}
          />
        </>
      )}
      <div className="client-exit">
        {asking ? (
          <form onSubmit={leave} noValidate>
            <div className="text-field">
              <label htmlFor="client-exit-passphrase">{t('clientExitPassphrase')}</label>
              <input
                maxLength={TEXT_LIMITS.passphrase}
                id="client-exit-passphrase"
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-describedby="client-exit-message"
              />
            </div>
            <p id="client-exit-message" className="form-message" role="alert">
              {error}
            </p>
            <div className="button-row">
              <button type="submit" className="button" disabled={busy}>
                {t('clientExitConfirm')}
              </button>
              <button type="button" className="button secondary" onClick={() => setAsking(false)}>
                {t('cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button secondary" onClick={() => setAsking(true)}>
            {t('clientExit')}
          </button>
        )}
      </div>
    </section>
  );
}
