// R1 crash harness, built only into the STAPWIJZER_CRASH_HARNESS test variant (never into dist/).
// It saves notes through the app's real storage path: the real vault unlock (production KDF, the
// passphrase set in onboarding), the real notes repository (encryption, strict transaction). A save
// is acknowledged to the test only after its promise resolved: the same rule as the UI's "Opgeslagen".
import {
  applyRestore,
  checkBackupFile,
  createClient,
  createDatabase,
  createNote,
  exportBackup,
  listClients,
  listNotes,
  pendingRestore,
  runReseal,
  unlock,
  VaultSession,
} from '../../../src/db';
import { canonicalJson } from '../../../src/db/backup/backup-format';
import { copyBytes } from '../../../src/db/crypto/bytes';
import { unwrapDataKey } from '../../../src/db/crypto/data-key';
import { deriveKek } from '../../../src/db/crypto/kdf';
import { RESEAL_TABLES } from '../../../src/db/migration/reseal';
import { seedFixture } from '../../../src/db/testing/fixture-db';

interface Verification {
  notes: string[];
  damaged: number;
  rawNoteRows: number;
}

/** What the v5 migration kill test checks (storage-migration-kill.spec.ts). */
interface ResealCheck {
  rows: number;
  oldShape: number;
  damaged: number;
  /** SHA-256 over every decrypted record (the audit anchor left out: each unlock moves it). */
  digest: string;
  state: string | null;
}

declare global {
  interface Window {
    crashHarness?: {
      unlock(passphrase: string): Promise<void>;
      saveLoop(run: number, saves: number): Promise<void>;
      verify(): Promise<Verification>;
      seedOldShape(passphrase: string, clients: number): Promise<void>;
      reseal(batchSize: number): Promise<void>;
      checkReseal(): Promise<ResealCheck>;
      seed(clients: number): Promise<void>;
      addClient(alias: string): Promise<void>;
      aliases(): Promise<string[]>;
      exportText(): Promise<string>;
      restoreJournaled(text: string, passphrase: string, pageRows: number): Promise<void>;
      pendingRestore(): Promise<boolean>;
    };
    /** Bound by the test (page.exposeBinding): receives each acknowledged save. */
    __ackSave?: (text: string) => Promise<void>;
    /** Bound by the migration kill test: receives each committed batch. */
    __ackBatch?: (done: number) => Promise<void>;
    /** Bound by the restore kill test: receives the progress after each committed page of the swap. */
    __ackPage?: (done: number) => Promise<void>;
  }
}

const db = createDatabase();
let session: VaultSession | null = null;
const status = document.getElementById('status');

function need(): VaultSession {
  if (!session) throw new Error('locked');
  return session;
}

async function harnessClient(s: VaultSession): Promise<string> {
  const { records } = await listClients(s);
  const existing = records.find((c) => c.data.alias === 'crash-harness');
  if (existing) return existing.id;
  return (await createClient(s, { alias: 'crash-harness' })).id;
}

window.crashHarness = {
  async unlock(passphrase) {
    session = await unlock(db, passphrase);
    if (status) status.textContent = 'ontgrendeld';
  },
  async saveLoop(run, saves) {
    const s = need();
    const clientId = await harnessClient(s);
    for (let i = 1; i <= saves; i += 1) {
      const text = `run ${run} note ${i}`;
      await createNote(s, clientId, { text });
      await window.__ackSave?.(text);
    }
  },
  async verify() {
    const s = need();
    const clientId = await harnessClient(s);
    const { records, damaged } = await listNotes(s, clientId);
    return { notes: records.map((r) => r.data.text), damaged: damaged.length, rawNoteRows: await db.notes.count() };
  },
  /** Writes a caseload in the v1–v4 row shape, as an older build left it, and marks the migration pending. */
  async seedOldShape(passphrase, clients) {
    const vault = await db.meta.get('vault');
    if (vault?.key !== 'vault') throw new Error('no vault');
    const { salt, ...params } = vault.kdf;
    const kek = await deriveKek(passphrase, copyBytes(salt), params);
    const dek = await unwrapDataKey(copyBytes(vault.wrappedKey), kek);
    await seedFixture(new VaultSession(db, dek, { legacyWrites: true }), clients);
    const now = Date.now();
    await db.meta.put({ key: 'reseal', state: 'pending', table: null, after: null, done: 0, total: 0, updatedAt: now });
  },
  async reseal(batchSize) {
    await runReseal(need(), { batchSize, afterBatch: async (p) => window.__ackBatch?.(p.done) });
  },
  async checkReseal() {
    const s = need();
    const records: unknown[] = [];
    let rows = 0;
    let oldShape = 0;
    let damaged = 0;
    for (const t of RESEAL_TABLES) {
      const stored = (await db.table(t).toArray()) as Parameters<VaultSession['open']>[1][];
      for (const row of stored) {
        if (row.id === 'auditHead') continue;
        rows += 1;
        if (typeof row.kid !== 'string') oldShape += 1;
        try {
          records.push([t, await s.open(t, row)]);
        } catch {
          damaged += 1;
        }
      }
    }
    // Canonical (sorted keys): both row shapes open to the same fields, not in the same order.
    const lines = records.map((r) => canonicalJson(r)).sort();
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines.join('\n')));
    const digest = [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const state = await db.meta.get('reseal');
    return { rows, oldShape, damaged, digest, state: state?.key === 'reseal' ? state.state : null };
  },
  /** The restore kill test (restore-kill.spec.ts): a caseload in today's row shape. */
  async seed(clients) {
    await seedFixture(need(), clients);
  },
  async addClient(alias) {
    await createClient(need(), { alias });
  },
  async aliases() {
    return (await listClients(need())).records.map((c) => c.data.alias).sort();
  },
  /** A version 2 backup of the vault as it is now, as text: the test keeps it across launches. */
  async exportText() {
    return (await exportBackup(need())).blob.text();
  },
  /**
   * Checks and restores `text` through the journaled swap at any size (the app takes it above
   * SINGLE_TRANSACTION_ROWS staged rows), acknowledging each committed page.
   */
  async restoreJournaled(text, passphrase, pageRows) {
    const verified = await checkBackupFile(db, new Blob([text]), passphrase);
    const swap = {
      singleTransactionRows: 0,
      pageRows,
      onProgress: (p: { done: number }) => void window.__ackPage?.(p.done),
    };
    session = await applyRestore(db, verified, Date.now(), { previous: need(), swap });
  },
  async pendingRestore() {
    return (await pendingRestore(db)) !== null;
  },
};
if (status) status.textContent = 'klaar';
