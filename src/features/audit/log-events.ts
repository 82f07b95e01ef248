// Audit hooks for screens (R38): "view" when a client page opens, "export-*" when data leaves the
// device. Never throw: a failed audit write must not break the screen (the failure is reported by
// the storage layer without data).

import { appendAuditQuietly, type StapwijzerDb } from '../../db';

/** Log that a client's record was opened. Call once when the client page mounts. */
export function logView(db: StapwijzerDb, recordId: string): Promise<void> {
  return appendAuditQuietly(db, [{ action: 'view', recordId }]);
}

export type ExportChannel = 'print' | 'share' | 'copy' | 'ics' | 'backup' | 'fhir' | 'csv';

/** Log that data left the device through `channel` (print, share, copy, .ics, backup, FHIR .json, CSV). */
export function logExport(db: StapwijzerDb, channel: ExportChannel, recordId: string | null): Promise<void> {
  return appendAuditQuietly(db, [{ action: `export-${channel}`, recordId }]);
}
