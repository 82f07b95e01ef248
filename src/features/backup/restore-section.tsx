// Restore: the whole file is checked (schema, integrity, passphrase, every record) before the
// confirmation shows; only "Ja, vervang alles" writes: in one transaction (R31–R33), or for a team's
// backup in the journaled swap with its progress shown (db/backup/restore-journal.ts).

import { type FormEvent, useId, useState } from 'react';
import {
  applyRestore,
  BACKUP_TABLES,
  type BackupCounts,
  checkBackupFile,
  currentCounts,
  discardVerified,
  isBackupError,
  type SwapProgress,
  type VerifiedBackup,
} from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { lockOtherTabs } from '../../runtime/cross-tab/lock-tabs';
import { holdAutoLock } from '../../runtime/vault/auto-lock-hold';
import { useRestoreProgress } from '../../runtime/vault/restore-progress';
import { useVault } from '../../runtime/vault/runtime-context';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { backupErrorMessages } from './backup-errors.messages';
import { backupMessages } from './messages';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; replacing?: true }
  | { kind: 'confirm'; verified: VerifiedBackup; now: BackupCounts }
  | { kind: 'done' };

const ROWS = [...BACKUP_TABLES, 'auditLog'] as const;

export function RestoreSection() {
  const vault = useVault();
  const t = useMessages(backupMessages);
  const te = useMessages(backupErrorMessages);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  // A team-size restore finished behind the restoring screen: say so once, here where it was started.
  const [state, setState] = useState<State>(() => {
    if (!useRestoreProgress.getState().finished) return { kind: 'idle' };
    useRestoreProgress.setState({ finished: false });
    return { kind: 'done' };
  });
  const [error, setError] = useState<string | null>(null);
  // Which passphrase unlocks this device after the restore: asked, never changed silently.
  const [which, setWhich] = useState<'device' | 'backup' | null>(null);
  const [devicePassphrase, setDevicePassphrase] = useState('');

  function fail(e: unknown) {
    // Past the point of no return the old data is gone and the vault key changed: the app locks, and
    // the lock screen says the restore waits and finishes it at the next unlock.
    if (isBackupError(e, 'interrupted')) {
      useRestoreProgress.setState({ progress: null });
      return vault.lock();
    }
    setError(isBackupError(e) ? te(e.code) : te('write-failed'));
    setState({ kind: 'idle' });
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!file) return setError(t('chooseFile'));
    if (passphrase === '') return setError(t('enterPassphrase'));
    setState({ kind: 'busy' });
    // Checking a team's backup reads for minutes without input: the idle auto-lock waits for it.
    const release = holdAutoLock();
    try {
      const verified = await checkBackupFile(vault.db, file, passphrase);
      setState({ kind: 'confirm', verified, now: await currentCounts(vault.db) });
    } catch (e) {
      fail(e);
    } finally {
      release();
    }
  }

  async function replace(verified: VerifiedBackup) {
    if (which === null) return setError(t('chooseWhich'));
    if (which === 'device' && devicePassphrase === '') return setError(t('enterDevicePassphrase'));
    setError(null);
    setState({ kind: 'busy', replacing: true });
    const release = holdAutoLock();
    try {
      // Other tabs lock before the data key changes under them (R43).
      lockOtherTabs('restore');
      const keep = which === 'device' ? { keepPassphrase: { device: devicePassphrase, backup: passphrase } } : {};
      // The device's session names the head of the chain the restore replaces (in the 'import' event).
      const swap = {
        onProgress: (progress: SwapProgress) => useRestoreProgress.setState({ progress }),
        // The old rows are gone from here on: the session goes, and the gate shows the progress.
        onPointOfNoReturn: () => vault.beginRestoring(),
      };
      const previous = vault.session();
      const restored = await applyRestore(vault.db, verified, Date.now(), { ...keep, previous, swap });
      // Behind the restoring screen this section has unmounted: the new one says it once.
      useRestoreProgress.setState({ progress: null, finished: !vault.hasSession() });
      vault.adopt(restored);
      setPassphrase('');
      setDevicePassphrase('');
      setWhich(null);
      setState({ kind: 'done' });
    } catch (e) {
      fail(e);
    } finally {
      release();
    }
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('restoreHeading')}</h2>
      <p>{t('restoreIntro')}</p>
      <form onSubmit={check} noValidate>
        <div className="text-field">
          <label htmlFor={`${id}-file`}>{t('file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: 'idle' });
            }}
          />
        </div>
        <div className="text-field">
          <label htmlFor={`${id}-pass`}>{t('passphrase')}</label>
          <input
            maxLength={TEXT_LIMITS.passphrase}
            id={`${id}-pass`}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        <button type="submit" className="button secondary" disabled={state.kind === 'busy'}>
          {state.kind !== 'busy' ? t('check') : state.replacing ? t('restoring') : t('checking')}
        </button>
      </form>
      <p className="form-message" role="alert">
        {error}
      </p>
      {state.kind === 'done' && (
        <p className="form-message ok" role="status">
          {t('restored')}
        </p>
      )}
      {state.kind === 'confirm' && (
        <div className="warning-box" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <h3 id={`${id}-confirm`}>{t('confirmHeading')}</h3>
          <p>{t('confirmIntro')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('table')}</th>
                <th scope="col">{t('now')}</th>
                <th scope="col">{t('inFile')}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row}>
                  <th scope="row">{t(`count.${row}`)}</th>
                  <td>{state.now[row]}</td>
                  <td>{state.verified.counts[row]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.verified.kind === 'stream' && state.verified.refusedClients > 0 && (
            <p>{t('refusedClients', { count: state.verified.refusedClients })}</p>
          )}
          <fieldset className="field">
            <legend>{t('whichLegend')}</legend>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-which`}
                checked={which === 'device'}
                onChange={() => setWhich('device')}
              />
              <span>{t('keepDevice')}</span>
            </label>
            {which === 'device' && (
              <div className="text-field">
                <label htmlFor={`${id}-device`}>{t('devicePassphrase')}</label>
                <input
                  maxLength={TEXT_LIMITS.passphrase}
                  id={`${id}-device`}
                  type="password"
                  autoComplete="off"
                  value={devicePassphrase}
                  onChange={(e) => setDevicePassphrase(e.target.value)}
                />
              </div>
            )}
            <label className="choice">
              <input
                type="radio"
                name={`${id}-which`}
                checked={which === 'backup'}
                onChange={() => setWhich('backup')}
              />
              <span>{t('takeBackup')}</span>
            </label>
          </fieldset>
          <div className="button-row">
            <button type="button" className="button danger" onClick={() => replace(state.verified)}>
              {t('replace')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                void discardVerified(vault.db, state.verified);
                setState({ kind: 'idle' });
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
