// "Definitief vernietigen" on the client page (issue 20): behind a disclosure, with a reason (the
// client's request or the end of the retention period) and a typed confirmation (the client's alias),
// and plain about what stays: a team device that never syncs again, and older backups.
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ClientRecord, destroyClient, type ShredReason } from '../../db';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { destroyMessages } from './destroy-messages';
import { saveErrorMessage } from './storage-messages';

/** What the client list shows after a destroy (router state: no alias in the address). */
export interface DestroyedState {
  destroyed: true;
}

export function DestroyClient({ client }: { client: ClientRecord }) {
  const t = useMessages(destroyMessages);
  const language = useLanguage();
  const vault = useVault();
  const navigate = useNavigate();
  const id = useId();
  const [reason, setReason] = useState<ShredReason | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const alias = client.data.alias;
  const matches = typed.trim() === alias;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (reason === null || !matches) return;
    setBusy(true);
    setError(null);
    try {
      await destroyClient(vault.session(), client.id, { reason });
      navigate('/clients', { replace: true, state: { destroyed: true } satisfies DestroyedState });
    } catch (e) {
      setError(saveErrorMessage(e, language));
      setBusy(false);
    }
  };

  return (
    <details className="destroy-client">
      <summary>{t('open')}</summary>
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <p>{t('intro')}</p>
        <fieldset>
          <legend>{t('reasonLegend')}</legend>
          {(['client-request', 'retention-ended'] as const).map((r) => (
            <label key={r} className="choice">
              <input
                type="radio"
                name={`${id}-reason`}
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              {r === 'client-request' ? t('reasonRequest') : t('reasonRetention')}
            </label>
          ))}
          {tried && reason === null && <p className="form-message">{t('reasonRequired')}</p>}
        </fieldset>
        <ul className="warning-box">
          <li>{t('whatGoes')}</li>
          <li>{t('team')}</li>
          <li>{t('backups')}</li>
        </ul>
        <div className="text-field">
          <label htmlFor={`${id}-confirm`}>{t('confirmLabel', { alias })}</label>
          <input
            id={`${id}-confirm`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            aria-invalid={tried && !matches}
            onChange={(e) => setTyped(e.target.value)}
          />
          {tried && !matches && <p className="form-message">{t('confirmMismatch', { alias })}</p>}
        </div>
        <p className="form-message" role="alert">
          {error ?? ''}
        </p>
        <p className="save-status" role="status">
          {busy ? t('busy') : ''}
        </p>
        <button type="submit" className="button danger" disabled={busy}>
          {t('submit')}
        </button>
      </form>
    </details>
  );
}
