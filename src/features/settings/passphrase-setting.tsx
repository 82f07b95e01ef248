import { type FormEvent, useState } from 'react';
import { changePassphrase, isStorageError, MIN_PASSPHRASE_LENGTH } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { lockOtherTabs } from '../../runtime/cross-tab/lock-tabs';
import { useVault } from '../../runtime/vault/runtime-context';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { passphraseMessages } from '../passphrase/messages';
import { checkPassphrase, loadEstimator, type WeakReason } from '../passphrase/strength';
import { PassphraseSuggestion } from '../passphrase/suggestion';
import { settingsMessages } from './messages';

type Problem = 'noMatch' | 'wrongOld' | 'waitOld' | 'saveFailed';

/**
 * Change the passphrase: the old one unwraps the data key (with the same backoff as the lock screen),
 * the new one re-wraps it. Client records are not re-encrypted: they stay under the same data key.
 */
export function PassphraseSetting() {
  const vault = useVault();
  const t = useMessages(settingsMessages);
  const tp = useMessages(passphraseMessages);
  const [weak, setWeak] = useState<WeakReason | null>(null);
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<{ key: Problem; seconds?: number } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(false);
    setBusy(true);
    // The same rule as at first use (R39): a weak new passphrase is refused with its reason.
    const verdict = await checkPassphrase(next);
    setWeak(verdict.ok ? null : verdict.reason);
    if (!verdict.ok) {
      setProblem(null);
      return setBusy(false);
    }
    if (next !== again) {
      setProblem({ key: 'noMatch' });
      return setBusy(false);
    }
    setProblem(null);
    try {
      await changePassphrase(vault.db, old, next);
      lockOtherTabs('passphrase-change'); // R43: every other tab unlocks again, with the new passphrase
      setOld('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (err) {
      setOld('');
      if (isStorageError(err) && err.code === 'wrong-passphrase') setProblem({ key: 'wrongOld' });
      else if (isStorageError(err) && err.code === 'backoff') {
        setProblem({ key: 'waitOld', seconds: Math.max(1, Math.ceil(((err.retryAt ?? 0) - Date.now()) / 1000)) });
      } else setProblem({ key: 'saveFailed' });
    } finally {
      setBusy(false);
    }
  }

  const field = (id: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="text-field">
      <label htmlFor={id}>{label}</label>
      <input
        maxLength={TEXT_LIMITS.passphrase}
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        onFocus={() => void loadEstimator()}
        onChange={(e) => set(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <section className="settings-section" aria-labelledby="settings-passphrase">
      <h2 id="settings-passphrase">{t('passphrase')}</h2>
      <p className="warning-box">{t('passphraseWarning')}</p>
      <form onSubmit={submit} noValidate>
        {field('settings-old-passphrase', t('oldPassphrase'), old, setOld)}
        {field(
          'settings-new-passphrase',
          t('newPassphrase'),
          next,
          setNext,
          t('newPassphraseHint', { min: MIN_PASSPHRASE_LENGTH }),
        )}
        <PassphraseSuggestion
          onUse={(phrase) => {
            setNext(phrase);
            setAgain(phrase);
          }}
        />
        {field('settings-repeat-passphrase', t('repeatPassphrase'), again, setAgain)}
        <p className={done ? 'form-message ok' : 'form-message'} role="status">
          {done && t('passphraseChanged')}
          {weak && tp(weak)}
          {problem && t(problem.key, { min: MIN_PASSPHRASE_LENGTH, seconds: problem.seconds ?? 1 })}
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('changing') : t('changePassphrase')}
        </button>
      </form>
    </section>
  );
}
