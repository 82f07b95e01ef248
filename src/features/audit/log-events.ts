// Audit hooks for screens (R38): "view" when a client page opens, "export-*" when data leaves the
// device. Never throw: a failed audit write must not break the screen (the failure is reported by
// the storage layer without data).

import { appDb } from '../../app/vault/vault-runtime';
import { appendAuditQuietly } from '../../db';

/** Log that a client's record was opened. Call once when the client page mounts. */
export function logView(recordId: string): Promise<void> {
  return appendAuditQuietly(appDb(), [{ action: 'view', recordId }]);
}

export type ExportChannel = 'print' | 'share' | 'copy' | 'ics' | 'backup';

/** Log that data left the device through `channel` (print, share, copy, .ics, backup). */
export function logExport(channel: ExportChannel, recordId: string | null): Promise<void> {
  return appendAuditQuietly(appDb(), [{ action: `export-${channel}`, recordId }]);
}
