// Builds a real backup file in Node (fake-indexeddb, the app's own export code) holding one client
// with canaries in its alias, note and plan, a completed screening with a decision and a follow-up.
// Restoring it through the UI is how browser tests get client data without depending on other
// screens. The passphrase is the one onboarding uses.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { exportBackup } from '../../src/db/backup';
import { exportBackupV1 } from '../../src/db/backup/export-backup-v1';
import { PRODUCTION_KDF } from '../../src/db/crypto/kdf';
import { createDatabase } from '../../src/db/database';
import { createClient } from '../../src/db/repositories/clients.repository';
import { createNote } from '../../src/db/repositories/notes.repository';
import { createPlan } from '../../src/db/repositories/plans.repository';
import { completeScreening, saveDraft } from '../../src/db/repositories/screenings.repository';
import { putSetting } from '../../src/db/repositories/settings.repository';
import { decisionData, followUpData, screeningData } from '../../src/db/testing/payloads';
import { createVault } from '../../src/db/vault';
import { PASSPHRASE } from './onboard';

// Dexie takes its IndexedDB from the global scope once, when its module is first evaluated. A
// Playwright worker evaluates it earlier when it ran a spec that imports app code without
// fake-indexeddb first (client-delete.spec.ts opens envelopes with src/runtime/sync/envelope.ts, which
// imports src/db): Dexie then had none, and every fixture after it in that worker failed with
// "IndexedDB API missing", so the failure depended on which spec a worker ran first. Set as Dexie
// documents for Node; a database made after this takes them.
Dexie.dependencies.indexedDB = globalThis.indexedDB;
Dexie.dependencies.IDBKeyRange = globalThis.IDBKeyRange;

export const CANARY = 'CANARY-7F3A';

export interface BackupFixture {
  clientId: string;
  /** An unfinished EPDS screening of the client with every item answered (only with `{ draft: true }`). */
  draftId: string | null;
  fileName: string;
  text: string;
}

export async function makeBackupFixture(options: { draft?: boolean; format?: 1 | 2 } = {}): Promise<BackupFixture> {
  const db = createDatabase({ name: `fixture-${crypto.randomUUID()}` });
  // The production KDF: restore in the app accepts only settings the app itself writes.
  const session = await createVault(db, PASSPHRASE, PRODUCTION_KDF);
  await putSetting(session, 'profile', {
    roles: ['verloskundige-kraamzorg-jgz', 'poh-ggz', 'mantelzorgondersteuner'],
    initials: 'TV',
  });
  const client = await createClient(session, { alias: CANARY, code: 'JGZ-0412' });
  const screening = screeningData({ q1: 2, q2: 1 });
  const reason = {
    ruleId: 'epds-band-raised',
    kind: 'band',
    label: { nl: 'EPDS-score 11: verhoogd', en: 'EPDS score 11: raised' },
    sources: ['NVOG'],
    certainty: 'verified',
  } as const;
  await completeScreening(session, {
    screening: {
      clientId: client.id,
      packId: 'postpartum',
      packVersion: '1.0.0',
      instrumentId: 'epds',
      instrumentVersion: '1987',
      data: { ...screening, outcome: { ...screening.outcome, reasons: [reason] } },
    },
    decision: { pathwayId: 'postpartum', data: { ...decisionData(), reasons: [reason] } },
    followUp: { pathwayId: 'postpartum', dueDate: '2025-06-15', data: followUpData('herhaal EPDS') },
  });
  await createPlan(
    session,
    { clientId: client.id, pathwayId: 'postpartum' },
    {
      warningSigns: [{ category: 'sleep', text: `Slaapt slecht (${CANARY})` }],
      triggers: ['Weinig steun thuis'],
      whatIDo: ['Elke dag naar buiten'],
      whatOthersDo: ['Partner neemt de nachtvoeding'],
      whomToCall: [{ name: 'Huisarts', phone: '010-1234567' }],
      revisedAt: '2025-05-18',
    },
  );
  await createNote(session, client.id, { text: `Notitie ${CANARY}: rustig gesprek.` });
  const draft = options.draft
    ? await saveDraft(session, {
        clientId: client.id,
        data: {
          pathwayId: 'postpartum',
          instrumentId: 'epds',
          // Printed positions: items 1, 2 and 4 count in printed order, the others reversed: total 0.
          answers: Object.fromEntries(
            Array.from({ length: 10 }, (_, i) => [`epds-${i + 1}`, [0, 1, 3].includes(i) ? 0 : 3]),
          ),
          context: { phase: 'postpartum', weeks: 6 },
          flags: {},
          position: 9,
        },
      })
    : null;
  const now = new Date('2025-05-18T10:00:00Z');
  // Format 1 is what the app wrote before schema v8: such files must still restore.
  const backup =
    options.format === 1
      ? await exportBackupV1(session, { now })
      : await exportBackup(session, { now }).then(async (b) => ({ fileName: b.fileName, text: await b.blob.text() }));
  db.close();
  return { clientId: client.id, draftId: draft?.id ?? null, fileName: backup.fileName, text: backup.text };
}
