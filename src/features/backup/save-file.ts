// Saving the backup straight into a file the professional picks (File System Access API, Chromium):
// the export writes chunk by chunk, so a team's backup of more than a gigabyte is never held in memory
// and never copied again by a download. Browsers without the API get the Blob download (download.ts).

interface SaveFilePickerOptions {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}
type ShowSaveFilePicker = (options: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;

function picker(): ShowSaveFilePicker | null {
  if (typeof window === 'undefined' || !('showSaveFilePicker' in window)) return null;
  const show = (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  return typeof show === 'function' ? (show.bind(window) as ShowSaveFilePicker) : null;
}

/** Whether the backup can be written to a chosen file; otherwise it is downloaded as a Blob. */
export const canSaveToFile = (): boolean => picker() !== null;

/**
 * Asks where to save (must run in the click's user activation, before the export's first await).
 * Null when the professional cancels; throws when the browser refuses the picker.
 */
export async function pickBackupFile(fileName: string, description: string): Promise<FileSystemFileHandle | null> {
  const show = picker();
  if (show === null) throw new Error('no file picker');
  try {
    return await show({ suggestedName: fileName, types: [{ description, accept: { 'application/json': ['.json'] } }] });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
}

/** The picked file's writer: the same sink as the download's file in OPFS (db/backup/export-file.ts). */
export { type WritableSink as FileSink, writableSink as fileSink } from '../../db';
