/**
 * A team-scale backup round trip with the JS heap sampled (R33 at scale, issue 17): seed a vault of
 * `clients` clients with `screeningsPerClient` completed screenings each (a decision per screening,
 * a follow-up, a plan and a note per client — the audit chain gets one sealed event per record),
 * export it as a stream, delete the source database, restore the Blob into a fresh database.
 * `process.memoryUsage().heapUsed` is sampled every few milliseconds and at every chunk.
 *
 * Reported twice: the absolute heap, and the heap above the database's own footprint at rest (after
 * a GC, when one is exposed). fake-indexeddb keeps every stored row in the JS heap; in a browser the
 * database lives outside it, so the second figure is what the export and restore code add.
 * Test-only (Node: fake-indexeddb must be installed as the global IndexedDB).
 */
import { auditSettled } from '../audit/audit-log';
import { verifyAuditChain } from '../audit/verify-chain';
import { exportBackup } from '../backup/export-backup';
import { applyRestore, checkBackupFile } from '../backup/restore-backup';
import { TEST_KDF } from '../crypto/kdf';
import { createDatabase } from '../database';
import { insertMany, newClear } from '../repositories/encrypted-store';
import type { ClientClear, DecisionClear, FollowUpClear, NoteClear, PlanClear, ScreeningClear } from '../types';
import { createVault } from '../vault';
import { decisionData, followUpData, planData, screeningData } from './payloads';

const PASS = 'schaal wachtzin lang genoeg';
const NOTE = 'Gesprek gehad over slaap en steun thuis. Volgende keer partner erbij vragen. '.repeat(3);
const MB = 1024 * 1024;

export interface ScaleFigures {
  clients: number;
  screenings: number;
  fileMB: number;
  chunks: number;
  /** Heap (after a GC) with the seeded source database (MB). */
  restSourceMB: number;
  /** … with the Blob and an empty target, before the restore. */
  restTargetMB: number;
  /** … with the whole backup staged in the target (fake-indexeddb keeps it in the JS heap). */
  restStagedMB: number;
  /** … after the swap, the restored database alone. */
  restRestoredMB: number;
  /** Absolute heapUsed peaks: export, restore's read-and-stage, restore's swap. */
  peakExportMB: number;
  peakVerifyMB: number;
  peakSwapMB: number;
  /** The same peaks above the heap the database(s) held at rest at the time (see Sampler). */
  peakExportAboveRestMB: number;
  peakVerifyAboveRestMB: number;
  peakSwapAboveRestMB: number;
  /** The swap's peak above the staged copy plus the restored rows (the data it writes). */
  peakSwapAboveDataMB: number;
  seedMs: number;
  exportMs: number;
  restoreMs: number;
  chainOk: boolean;
}

const heap = () => process.memoryUsage().heapUsed;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Samples heapUsed every 5 ms and on demand. `rebase()` forces a GC (when exposed) and takes the heap
 * then as the database's footprint, so `peakAbove` is what the code holds beyond it — including
 * garbage not yet collected, and rows staged since the last rebase (an overestimate, on purpose).
 */
class Sampler {
  peak = 0;
  peakAbove = 0;
  #base = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  start(): void {
    this.rebase();
    this.peak = heap();
    this.#timer = setInterval(() => this.sample(), 5);
  }
  rebase(): void {
    gc();
    this.#base = heap();
  }
  get base(): number {
    return this.#base;
  }
  sample(): void {
    const now = heap();
    this.peak = Math.max(this.peak, now);
    this.peakAbove = Math.max(this.peakAbove, now - this.#base);
  }
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.sample();
  }
}

export async function backupScaleRoundTrip(
  options: { clients: number; screeningsPerClient?: number; log?: (line: string) => void } = { clients: 1000 },
): Promise<ScaleFigures> {
  const clientsN = options.clients;
  const perClient = options.screeningsPerClient ?? 10;
  const log = options.log ?? (() => {});
  const name = `scale-${crypto.randomUUID()}`;
  const sourceDb = createDatabase({ name: `${name}-source` });
  const session = await createVault(sourceDb, PASS, TEST_KDF);
  const now = Date.UTC(2025, 0, 6);
  let t0 = performance.now();
  for (let batch = 0; batch < clientsN; batch += 250) {
    const clients = Array.from({ length: Math.min(250, clientsN - batch) }, (_, i) => ({
      clear: newClear<ClientClear>({ status: 'active' }, now + batch + i),
      data: { alias: `Cliënt ${batch + i}`, code: `C${batch + i}` },
    }));
    await insertMany(session, 'clients', clients);
    const screenings = clients.flatMap((c) =>
      Array.from({ length: perClient }, (_, s) => ({
        clear: newClear<ScreeningClear>(
          {
            clientId: c.clear.id,
            status: 'completed',
            packId: 'postpartum',
            packVersion: '1.0.0',
            instrumentId: 'epds',
            instrumentVersion: '1987',
          },
          now + s,
        ),
        data: screeningData({ q1: s % 4, q2: 1 }),
      })),
    );
    await insertMany(session, 'screenings', screenings);
    await insertMany(
      session,
      'decisions',
      screenings.map((s) => ({
        clear: newClear<DecisionClear>(
          { clientId: s.clear.clientId, screeningId: s.clear.id, pathwayId: 'postpartum' },
          now,
        ),
        data: decisionData(),
      })),
    );
    await insertMany(
      session,
      'followUps',
      clients.map((c) => ({
        clear: newClear<FollowUpClear>(
          { clientId: c.clear.id, pathwayId: 'postpartum', status: 'open', dueDate: '2025-06-01' },
          now,
        ),
        data: followUpData(),
      })),
    );
    await insertMany(
      session,
      'plans',
      clients.map((c) => ({
        clear: newClear<PlanClear>({ clientId: c.clear.id, pathwayId: 'postpartum', status: 'active' }, now),
        data: planData(),
      })),
    );
    await insertMany(
      session,
      'notes',
      clients.map((c) => ({ clear: newClear<NoteClear>({ clientId: c.clear.id }, now), data: { text: NOTE } })),
    );
    await auditSettled(sourceDb);
  }
  const seedMs = performance.now() - t0;
  log(`seeded ${clientsN} clients / ${clientsN * perClient} screenings in ${(seedMs / 1000).toFixed(1)} s`);

  const exportSampler = new Sampler();
  exportSampler.start();
  const restSource = exportSampler.base;
  t0 = performance.now();
  // A GC every 10th chunk, as in the restore below: garbage left by earlier chunks is not what the
  // export holds, and V8 lets it pile up in proportion to the (fake-indexeddb) heap it already has.
  const backup = await exportBackup(session, {
    onProgress: ({ done }) => (done % 10 === 0 ? exportSampler.rebase() : exportSampler.sample()),
  });
  const exportMs = performance.now() - t0;
  exportSampler.stop();
  log(`export: ${(exportMs / 1000).toFixed(1)} s, ${backup.chunks} chunks, ${(backup.blob.size / MB).toFixed(1)} MB`);

  session.lock();
  await sourceDb.delete({ disableAutoOpen: true });
  const target = createDatabase({ name: `${name}-target` });
  await createVault(target, 'een andere wachtzin', TEST_KDF);
  const verifySampler = new Sampler();
  verifySampler.start();
  const restTarget = verifySampler.base;
  t0 = performance.now();
  const verified = await checkBackupFile(target, backup.blob, PASS, {
    knownKdfs: [TEST_KDF],
    // Every 10th chunk: the staged rows are the database's, not the reader's (a GC per chunk is slow).
    onChunk: ({ chunks }) => (chunks % 10 === 0 ? verifySampler.rebase() : verifySampler.sample()),
  });
  verifySampler.stop();
  const swapSampler = new Sampler();
  swapSampler.start();
  const restStaged = swapSampler.base;
  const restored = await applyRestore(target, verified);
  await auditSettled(target);
  swapSampler.stop();
  const restoreMs = performance.now() - t0;
  gc();
  const restRestored = heap();
  log(`restore: ${(restoreMs / 1000).toFixed(1)} s`);
  const chainOk = (await verifyAuditChain(restored)).ok;
  restored.lock();
  await target.delete({ disableAutoOpen: true });

  return {
    clients: clientsN,
    screenings: clientsN * perClient,
    fileMB: backup.blob.size / MB,
    chunks: backup.chunks,
    restSourceMB: restSource / MB,
    restTargetMB: restTarget / MB,
    restStagedMB: restStaged / MB,
    restRestoredMB: restRestored / MB,
    peakExportMB: exportSampler.peak / MB,
    peakVerifyMB: verifySampler.peak / MB,
    peakSwapMB: swapSampler.peak / MB,
    peakExportAboveRestMB: exportSampler.peakAbove / MB,
    peakVerifyAboveRestMB: verifySampler.peakAbove / MB,
    peakSwapAboveRestMB: swapSampler.peakAbove / MB,
    // The swap writes the restored rows while the staged copy still exists: both are database data.
    peakSwapAboveDataMB: (swapSampler.peak - (restStaged + Math.max(0, restRestored - restTarget))) / MB,
    seedMs,
    exportMs,
    restoreMs,
    chainOk,
  };
}
