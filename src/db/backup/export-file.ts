/**
 * The backup's file for the download, written to the origin private file system (OPFS) instead of
 * built as a Blob in memory (issue 23). Where the browser cannot write a file the professional picks,
 * the export becomes a download; at team scale (10,000 clients / 100,000 screenings, 1.67 GB) a Blob
 * of that size broke in Chromium's blob store — reading it threw NotReadableError and the download was
 * cancelled at once, after the screen had said "opgeslagen". A file in OPFS is on disk, written with
 * back-pressure, and its File is disk-backed: the download reads it from there.
 *
 * The file is the encrypted backup itself (nothing in it is clear). It stays until the download is
 * surely done: removed ten minutes after it was handed to the browser, at the next start, at the next
 * export (overwritten) and by "Alle gegevens wissen". Browsers without OPFS writes keep the Blob sink.
 */
import type { BackupSink } from './export-backup';

const DIR = 'stapwijzer-backup-download';
const NAME = 'backup.json';
/** How long the handed-over file is kept for the browser's download to read it. */
export const EXPORT_FILE_KEEP_MS = 10 * 60 * 1000;

export interface WritableSink extends BackupSink {
  /** Makes the file appear with everything written (the browser writes to a temporary file until then). */
  close(): Promise<void>;
  /** Leaves the file as it was. */
  abort(): Promise<void>;
}

/** A sink over a file handle's writable stream: each chunk goes to disk as the export makes it. */
export async function writableSink(handle: FileSystemFileHandle): Promise<WritableSink> {
  const writable = await handle.createWritable();
  return {
    write: (part) => writable.write(part),
    // Truncating below the write position moves it there (File System spec): the next write is at 0.
    reset: () => writable.truncate(0),
    close: () => writable.close(),
    abort: () => writable.abort().catch(() => undefined),
  };
}

function opfsRoot(): (() => Promise<FileSystemDirectoryHandle>) | null {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
  if (
    typeof FileSystemFileHandle === 'undefined' ||
    typeof FileSystemFileHandle.prototype.createWritable !== 'function'
  )
    return null;
  return () => navigator.storage.getDirectory();
}

export interface ExportFile {
  sink: WritableSink;
  /** The written file (after `sink.close()`), disk-backed, for the download. */
  file(): Promise<File>;
}

/** The download's file in OPFS, empty and open for writing; null where OPFS cannot be written. */
export async function openExportFile(): Promise<ExportFile | null> {
  const root = opfsRoot();
  if (!root) return null;
  try {
    const dir = await (await root()).getDirectoryHandle(DIR, { create: true });
    const handle = await dir.getFileHandle(NAME, { create: true });
    return { sink: await writableSink(handle), file: () => handle.getFile() };
  } catch {
    // Refused (a private window, a full disk before the first byte): the Blob download remains.
    return null;
  }
}

/** Removes the download's file, if any. Never throws: nothing depends on it being gone at once. */
export async function removeExportFile(): Promise<void> {
  const root = opfsRoot();
  if (!root) return;
  await (await root()).removeEntry(DIR, { recursive: true }).catch(() => undefined);
}
