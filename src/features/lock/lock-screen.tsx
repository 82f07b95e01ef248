import { type FormEvent, useEffect, useState } from 'react';
import { backoffStatus, isStorageError, pendingRestore } from '../../db/first-screen';
import { useMessages } from '../../i18n/define-messages';
import { useLockedByOtherTab } from '../../runtime/cross-tab/lock-tabs';
import { serialisedUnlock } from '../../runtime/cross-tab/unlock-queue';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { WipeSection } from '../backup/wipe-section';
import { lockMessages } from './messages';

/**
 * The lock screen. Wrong passphrases get one generic message and a growing wait (1, 2, 4 … s, at most
 * 5 min) that is stored in the database, so a reload does not reset it (R19).
 */
export function LockScreen() {
  const vault = useVault();
  const t = useMessages(lockMessages);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'wrong' | 'tooSoon' | 'failed' | 'kdfUnsupported' | null>(null);
  const [retryAt, setRetryAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const lockedBy = useLockedByOtherTab((s) => s.reason);
  // A restore stopped after it replaced the old data (a closed tab, a crash): this unlock finishes it.
  const [restore, setRestore] = useState<{ unlockWith: 'device' | 'backup' } | null>(null);
  const [restoreProgress, setRestoreProgress] = useState<{ done: number; total: number } | null>(null);

  useEffect(() => {
    backoffStatus(vault.db)
      .then((s) => setRetryAt(s.retryAt))
      .catch(() => {});
    pendingRestore(vault.db)
      .then(setRestore)
      .catch(() => {});
  }, [vault]);

  const waiting = retryAt > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [waiting]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waiting || passphrase === '') return;
    setBusy(true);
    setError(null);
    try {
      // One attempt at a time across tabs, so every guess meets the backoff (R44).
      await serialisedUnlock(() => vault.unlock(passphrase, { onRestoreProgress: setRestoreProgress }));
      useLockedByOtherTab.getState().clear();
    } catch (e) {
      setPassphrase('');
      if (isStorageError(e) && (e.code === 'wrong-passphrase' || e.code === 'backoff')) {
        // 'backoff': this attempt was not tried (another tab's, or an earlier, guess was just wrong).
        setError(e.code === 'wrong-passphrase' ? 'wrong' : 'tooSoon');
        setRetryAt(e.retryAt ?? 0);
        setNow(Date.now());
      } else setError(isStorageError(e, 'kdf-unsupported') ? 'kdfUnsupported' : 'failed');
    } finally {
      setBusy(false);
      setRestoreProgress(null);
    }
  }

  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return (
    <section className="narrow">
      <PageHeading>{t('title')}</PageHeading>
      {lockedBy && <p className="warning-box">{t(`lockedBy.${lockedBy}`)}</p>}
      {restore && <p className="warning-box">{t(`restorePending.${restore.unlockWith}`)}</p>}
      <p className="lead">{t('intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="text-field">
          <label htmlFor="unlock-passphrase">{t('passphrase')}</label>
          <input
            maxLength={TEXT_LIMITS.passphrase}
            id="unlock-passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => {
              setPassphrase(e.target.value);
              // Typing has begun: the key derivation's worker and the code behind the gate load
              // meanwhile. Not at mount: the lock screen alone (or "Hulp nu" from it) needs neither.
              vault.prepareUnlock();
            }}
            aria-describedby="unlock-status"
            aria-invalid={error === 'wrong'}
          />
        </div>
        <p id="unlock-status" className="form-message" role="alert">
          {error === 'wrong' && t('wrong')}
          {error === 'tooSoon' && t('tooSoon')}
          {error === 'failed' && t('failed')}
          {error === 'kdfUnsupported' && t('kdfUnsupported')}
          {waiting && ` ${t('wait', { seconds })}`}
        </p>
        <button type="submit" className="button" disabled={busy || waiting}>
          {busy ? t('unlocking') : t('unlock')}
        </button>
        {restoreProgress && (
          <>
            <progress aria-label={t('restoreProgressLabel')} max={restoreProgress.total} value={restoreProgress.done} />
            <p className="hint" role="status">
              {t('restoreProgress', { done: restoreProgress.done, total: restoreProgress.total })}
            </p>
          </>
        )}
      </form>
      {/* Issue 18: the way out when the passphrase is lost. Nobody can recover it (by design); what is
          left is to start again on this device and restore a backup made with a known passphrase. In a team
          (issue 20) the way back is rejoining through a colleague, which a restored backup needs too. */}
      <details className="lost-passphrase">
        <summary>{t('lostSummary')}</summary>
        <p>{t('lostNoRecovery')}</p>
        <ol>
          <li>{t('lostTryAgain')}</li>
          <li>{t('lostBackup')}</li>
          <li>{t('lostNoBackup')}</li>
          <li>{t('lostTeam')}</li>
        </ol>
        <WipeSection />
      </details>
    </section>
  );
}
