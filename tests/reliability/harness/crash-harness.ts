// R1 crash harness, built only into the STAPWIJZER_CRASH_HARNESS test variant (never into dist/).
// It saves notes through the app's real storage path: the real vault unlock (production KDF, the
// passphrase set in onboarding), the real notes repository (encryption, strict transaction). A save
// is acknowledged to the test only after its promise resolved: the same rule as the UI's "Opgeslagen".
import {
  createClient,
  createDatabase,
  createNote,
  listClients,
  listNotes,
  unlock,
  type VaultSession,
} from '../../../src/db';

interface Verification {
  notes: string[];
  damaged: number;
  rawNoteRows: number;
}

declare global {
  interface Window {
    crashHarness?: {
      unlock(passphrase: string): Promise<void>;
      saveLoop(run: number, saves: number): Promise<void>;
      verify(): Promise<Verification>;
    };
    /** Bound by the test (page.exposeBinding): receives each acknowledged save. */
    __ackSave?: (text: string) => Promise<void>;
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
};
if (status) status.textContent = 'klaar';
