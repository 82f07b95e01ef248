// "Ik heb een back-up" (issue 18): a professional on a new or wiped device restores before any vault
// is made, so there is never a second, empty vault to replace. The backup's own passphrase unlocks
// it afterwards (it brings its vault, profile and settings); the whole file is checked before a write.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { applyRestore, checkBackupFile, isBackupError } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { useRestoreProgress } from '../../runtime/vault/restore-progress';
import { useVault } from '../../runtime/vault/runtime-context';
import { describedBy, FieldError, type FieldProblem, focusFirstProblem } from '../../ui/field-errors';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { backupErrorMessages } from '../backup/backup-errors.messages';
import { onboardingMessages } from './messages';

export function RestoreFirst(props: { onCancel: () => void }) {
  const vault = useVault();
  const t = useMessages(onboardingMessages);
  const te = useMessages(backupErrorMessages);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Loaded on the press that opens it (onboarding's step-change focus ran before it arrived): the
  // heading takes focus itself, so a screen reader announces where one is.
  useEffect(() => heading.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldProblem[] = [];
    if (file === null) found.push({ field: 'restore-first-file', message: t('restoreChooseFile') });
    if (passphrase === '') found.push({ field: 'restore-first-pass', message: t('restoreEnterPassphrase') });
    setProblems(found);
    if (found.length > 0 || file === null) return focusFirstProblem(found);
    setBusy(true);
    try {
      const verified = await checkBackupFile(vault.db, file, passphrase);
      // A team's backup: past its point of no return the gate shows the restore's progress.
      const swap = {
        onProgress: (progress: { done: number; total: number }) => useRestoreProgress.setState({ progress }),
        onPointOfNoReturn: () => vault.beginRestoring(),
      };
      const restored = await applyRestore(vault.db, verified, Date.now(), { swap });
      useRestoreProgress.setState({ progress: null });
      vault.adopt(restored);
    } catch (e) {
      // Past the point of no return: the restored vault exists and the lock screen finishes it.
      if (isBackupError(e, 'interrupted')) {
        useRestoreProgress.setState({ progress: null });
        return vault.lock();
      }
      const message = isBackupError(e) ? te(e.code) : te('write-failed');
      const field = isBackupError(e, 'wrong-passphrase') ? 'restore-first-pass' : 'restore-first-file';
      setProblems([{ field, message }]);
      focusFirstProblem([{ field, message }]);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="restore-first-heading">
      <h2 id="restore-first-heading" data-step-heading tabIndex={-1} ref={heading}>
        {t('restoreTitle')}
      </h2>
      <p>{t('restoreIntro')}</p>
      <div className="text-field">
        <label htmlFor="restore-first-file">{t('restoreFile')}</label>
        <input
          id="restore-first-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          {...describedBy(problems, 'restore-first-file')}
        />
        <FieldError problems={problems} field="restore-first-file" />
      </div>
      <div className="text-field">
        <label htmlFor="restore-first-pass">{t('restorePassphrase')}</label>
        <input
          id="restore-first-pass"
          type="password"
          autoComplete="off"
          maxLength={TEXT_LIMITS.passphrase}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          {...describedBy(problems, 'restore-first-pass')}
        />
        <FieldError problems={problems} field="restore-first-pass" />
      </div>
      <div className="button-row spaced">
        <button type="button" className="button secondary" onClick={props.onCancel} disabled={busy}>
          {t('back')}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('restoreBusy') : t('restoreButton')}
        </button>
      </div>
    </form>
  );
}
