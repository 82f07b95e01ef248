// Backup export and import times for a large caseload: 2,000 clients with 20,000 screenings (plus a
// decision per screening, a follow-up, a plan and a note per client), on fake-indexeddb in Node.
// Run: npx tsx scripts/bench-backup.ts
import 'fake-indexeddb/auto';
import { auditSettled } from '../src/db/audit';
import { applyRestore, checkBackupFile, exportBackup } from '../src/db/backup';
import { TEST_KDF } from '../src/db/crypto/kdf';
import { createDatabase } from '../src/db/database';
import { insertMany, newClear } from '../src/db/repositories/encrypted-store';
import type { ClientClear, DecisionClear, FollowUpClear, NoteClear, PlanClear, ScreeningClear } from '../src/db/types';
import { createVault } from '../src/db/vault';
import { decisionData, followUpData, noteText, planData, screeningData } from './bench-backup-data';

const CLIENTS = 2_000;
const SCREENINGS_PER_CLIENT = 10;
const PASS = 'bench wachtzin lang genoeg';

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

async function main() {
  const source = createDatabase({ name: 'bench-source' });
  const session = await createVault(source, PASS, TEST_KDF);
  const now = Date.UTC(2025, 0, 6);
  let t0 = performance.now();
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({
    clear: newClear<ClientClear>({ status: 'active' }, now + i),
    data: { alias: `Cliënt ${i}`, code: `C${i}` },
  }));
  await insertMany(session, 'clients', clients);
  for (let batch = 0; batch < CLIENTS; batch += 200) {
    const slice = clients.slice(batch, batch + 200);
    const screenings = slice.flatMap((c) =>
      Array.from({ length: SCREENINGS_PER_CLIENT }, (_, s) => ({
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
      slice.map((c) => ({
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
      slice.map((c) => ({
        clear: newClear<PlanClear>({ clientId: c.clear.id, pathwayId: 'postpartum', status: 'active' }, now),
        data: planData(),
      })),
    );
    await insertMany(
      session,
      'notes',
      slice.map((c) => ({ clear: newClear<NoteClear>({ clientId: c.clear.id }, now), data: { text: noteText } })),
    );
  }
  await auditSettled(source);
  console.log(`seeded ${CLIENTS} clients / ${CLIENTS * SCREENINGS_PER_CLIENT} screenings in ${ms(t0)}`);

  t0 = performance.now();
  const backup = await exportBackup(session);
  const exportTime = ms(t0);
  const mb = (backup.blob.size / 1024 / 1024).toFixed(1);
  console.log(`export: ${exportTime}, file ${mb} MB, counts ${JSON.stringify(backup.counts)}`);

  const target = createDatabase({ name: 'bench-target' });
  await createVault(target, 'een andere wachtzin', TEST_KDF);
  t0 = performance.now();
  const verified = await checkBackupFile(target, backup.blob, PASS, { knownKdfs: [TEST_KDF] });
  const tVerify = ms(t0);
  t0 = performance.now();
  await applyRestore(target, verified);
  const tApply = ms(t0);
  console.log(
    `import: read + verify + decrypt every record into staging ${tVerify}, swap in (one transaction) ${tApply}`,
  );
  console.log(`(KDF of the bench vault: the tiny test Argon2id; production Argon2id 64 MiB adds ~0.3–1 s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
