// @vitest-environment node
// The gate's size of the team-scale round trip (issue 17): 1,000 clients / 10,000 screenings, the
// heap sampled during export and restore and printed. The 10,000-client run takes minutes:
// `npm run test:backup-scale` (CONTRIBUTING.md).
import { describe, expect, it } from 'vitest';
import { backupScaleRoundTrip } from '../testing/backup-scale';

const LIMIT_MB = 150;

describe('backup at scale', () => {
  it('1,000 clients / 10,000 screenings round-trip with the audit chain intact and ≤ 150 MB of heap above the database', async () => {
    const f = await backupScaleRoundTrip({ clients: 1000 });
    // Printed for the report (R33 figures); the assertions below are the check.
    process.stdout.write(
      `backup scale (1,000 clients): file ${f.fileMB.toFixed(1)} MB / ${f.chunks} chunks; heapUsed peak export ` +
        `${f.peakExportMB.toFixed(0)} MB, restore ${Math.max(f.peakVerifyMB, f.peakSwapMB).toFixed(0)} MB; above the ` +
        `database at rest: export ${f.peakExportAboveRestMB.toFixed(0)} MB, restore ` +
        `${Math.max(f.peakVerifyAboveRestMB, f.peakSwapAboveRestMB).toFixed(0)} MB\n`,
    );
    expect(f.chainOk).toBe(true);
    expect(f.chunks).toBeGreaterThan(10);
    expect(f.peakExportAboveRestMB).toBeLessThanOrEqual(LIMIT_MB);
    expect(f.peakVerifyAboveRestMB).toBeLessThanOrEqual(LIMIT_MB);
    expect(f.peakSwapAboveRestMB).toBeLessThanOrEqual(LIMIT_MB);
  }, 240_000);
});
