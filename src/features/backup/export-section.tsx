import { useState } from 'react';
import {
  backupFileName,
  EXPORT_FILE_KEEP_MS,
  exportBackup,
  exportBackupTo,
  isStorageError,
  openExportFile,
  removeExportFile,
} from '../../db';
import { formatDateTime } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { holdAutoLock } from '../../runtime/vault/auto-lock-hold';
import { useVault } from '../../runtime/vault/runtime-context';
import { downloadBlob } from './download';
import { backupMessages } from './messages';
import { canSaveToFile, type FileSink, fileSink, pickBackupFile } from './save-file';
import { useBackupStatus } from './use-backup-status';

export function ExportSection() {
  const vault = useVault();
  const t = useMessages(backupMessages);
  const language = useLanguage();
  const status = useBackupStatus();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ ok: true; name: string } | { ok: false; migrating: boolean } | null>(null);

  async function run() {
    setResult(null);
    // Where the browser can write a chosen file, ask first (the click's user activation is needed)
    // and write the export into it chunk by chunk; otherwise the export becomes a Blob download.
    const now = new Date();
    const fileName = backupFileName(now);
    let handle: FileSystemFileHandle | null = null;
    if (canSaveToFile()) {
      try {
        handle = await pickBackupFile(fileName, t('fileDescription'));
        if (handle === null) return; // cancelled: nothing to do
      } catch {
        handle = null; // the picker refused (e.g. not allowed here): fall back to the download
      }
    }
    setProgress({ done: 0, total: 1 }); // fed by the chunks written (a large caseload makes dozens)
    let sink: FileSink | null = null;
    // A team's export runs for minutes without input: the idle auto-lock waits for it.
    const release = holdAutoLock();
    try {
      if (handle) {
        sink = await fileSink(handle);
        await exportBackupTo(vault.session(), sink, { onProgress: setProgress, now });
        await sink.close();
        sink = null;
        setResult({ ok: true, name: handle.name });
      } else {
        // The download: written to a file in the origin's private file system where the browser can,
        // so a team's gigabyte never becomes one Blob in memory (export-file.ts); else a Blob.
        const target = await openExportFile();
        if (target) {
          sink = target.sink;
          await exportBackupTo(vault.session(), sink, { onProgress: setProgress, now });
          await sink.close();
          sink = null;
          downloadBlob(fileName, await target.file());
          window.setTimeout(() => void removeExportFile(), EXPORT_FILE_KEEP_MS);
        } else {
          const backup = await exportBackup(vault.session(), { onProgress: setProgress, now });
          downloadBlob(backup.fileName, backup.blob);
        }
        setResult({ ok: true, name: fileName });
      }
    } catch (e) {
      await sink?.abort();
      // The v5 re-sealing migration refuses backups until it is done (a few seconds to minutes).
      setResult({ ok: false, migrating: isStorageError(e, 'migration-running') });
    } finally {
      release();
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="backup-export">
      <h2 id="backup-export">{t('exportHeading')}</h2>
      <p>
        {status
          ? t('lastBackup', { date: formatDateTime(status.lastBackupAt, language) })
          : status === null && t('neverBackedUp')}
      </p>
      <button type="button" className="button" onClick={run} disabled={progress !== null}>
        {progress ? t('exporting') : t('exportButton')}
      </button>
      {progress && (
        <>
          <progress aria-label={t('progress')} max={progress.total} value={progress.done} />
          <p className="hint">{t('progressChunks', { done: progress.done, total: progress.total })}</p>
        </>
      )}
      <p className={result?.ok === true ? 'form-message ok' : 'form-message'} role="status">
        {result?.ok === true && t('exported', { name: result.name })}
        {result?.ok === false && t(result.migrating ? 'exportWaitMigration' : 'exportFailed')}
      </p>
    </section>
  );
}
