// Bench-only page (built into .tmp/dist-bench, never into dist/): seeds the app's database through the
// app's own code — createVault with PRODUCTION_KDF, saveProfile, the content sync, the encrypted
// repositories — and times unlock and a final save in the browser. Modes (query string):
//   ?mode=caseload[&scale=team]  vault + profile + 2,000 clients, 20,000 screenings with decisions, follow-ups,
//                   notes, drafts (scale=team: 10,000 clients, 100,000 screenings; see caseload.ts)
//   ?mode=empty     vault + profile only
//   ?mode=micro&runs=N  on the existing vault: N × Argon2id derivation, unlock(), completeScreening (strict)
//   ?mode=reads&runs=N  on the existing vault: the data-layer reads behind home, the client list and a
//                       client page, and the in-memory search over the decrypted list (no rendering)
//   ?mode=export    on the existing vault: exportBackup alone (no download), its time, size and progress
//                   calls, or the error it throws (the backup screen shows only "niet gelukt")
// Progress goes to #progress; the result (JSON, no client data) to #done, which is then unhidden.

import { loadBundledPack } from '../../../src/content/bundled';
import { epdsTotal } from '../../../src/content/testing';
import {
  type ClientClear,
  type ClientPayload,
  completeScreening,
  createDatabase,
  createVault,
  type DecisionClear,
  type DecisionPayload,
  exportBackup,
  type FollowUpClear,
  type FollowUpPayload,
  getClient,
  getPackVersion,
  listActivePacks,
  listClients,
  listDecisions,
  listDueFollowUps,
  listFollowUps,
  listNotes,
  listPlans,
  listScreenings,
  loadReminderInput,
  type NoteClear,
  type NotePayload,
  PRODUCTION_KDF,
  readCaseload,
  rebuildCaseloadIndex,
  requestPersistence,
  type ScreeningClear,
  type ScreeningPayload,
  type StapwijzerDb,
  saveDraft,
  unlock,
  type VaultSession,
} from '../../../src/db';
import { deriveKek } from '../../../src/db/crypto/kdf';
import { insertMany, newClear } from '../../../src/db/repositories/encrypted-store';
import { type ContentPack, computeIndicators, evaluateScreening, type ScreeningOutcome } from '../../../src/domain';
import { localDate } from '../../../src/features/clients/dates';
import { matchesClient } from '../../../src/features/clients/search';
import { loadIndicatorRecords } from '../../../src/features/indicators/load-indicators';
import { syncContent } from '../../../src/runtime/content/sync-content';
import { ROLE_IDS, saveProfile } from '../../../src/runtime/profile/profile';
import {
  aliasOf,
  type Caseload,
  caseloadOf,
  codeOf,
  DRAFTS,
  dueOffsetDays,
  EXPECTED_DUE,
  PASSPHRASE,
} from './caseload';

const DAY = 86_400_000;
const BATCH = 2_000;
const progressEl = document.getElementById('progress');
const doneEl = document.getElementById('done');

function progress(text: string): void {
  if (progressEl) progressEl.textContent = text;
}

function finish(result: unknown): void {
  if (!doneEl) return;
  doneEl.textContent = JSON.stringify(result);
  doneEl.hidden = false;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function dateIn(days: number, now: number): string {
  return localDate(new Date(now + days * DAY));
}

async function postpartum(): Promise<ContentPack> {
  const loaded = await loadBundledPack('postpartum');
  if (!loaded.ok) throw new Error('postpartum pack did not load');
  return loaded.pack;
}

/** Real engine outcomes for EPDS totals 0–19, reused across the caseload. */
function outcomes(pack: ContentPack, now: number): ScreeningPayload[] {
  return Array.from({ length: 20 }, (_, total) => {
    const answers = epdsTotal(total);
    const context = { phase: 'postpartum', weeks: 8 } as const;
    const r = evaluateScreening({ pack, instrumentId: 'epds', answers, context, now: new Date(now).toISOString() });
    if (!r.ok) throw new Error(`engine refused EPDS total ${total}`);
    return { pathwayId: 'postpartum', instrumentId: 'epds', answers, context, flags: {}, outcome: r.value };
  });
}

function decisionFor(outcome: ScreeningOutcome): DecisionPayload {
  const rec = outcome.recommendation;
  const chosen = rec.kind === 'step' ? rec.step : rec.kind === 'safety' ? 'safety' : 1;
  return { recommended: rec, chosen, reasons: [...outcome.reasons] };
}

async function setUp(db: StapwijzerDb): Promise<VaultSession> {
  progress('content');
  const sync = await syncContent(db);
  if (sync.refused.length > 0) throw new Error('content refused');
  progress('vault (Argon2id 64 MiB)');
  const session = await createVault(db, PASSPHRASE, PRODUCTION_KDF);
  await saveProfile(session, { roles: [...ROLE_IDS], initials: 'BV' });
  // As onboarding does after the profile: ask once, remembered in this profile (the lock screen's
  // storage notice is then known at its first render, as on a device that went through onboarding).
  await requestPersistence();
  return session;
}

async function seedCaseload(session: VaultSession, now: number, load: Caseload) {
  const count = load.clients;
  const perClient = load.screeningsPerClient;
  const pack = await postpartum();
  const payloads = outcomes(pack, now);
  const clients = Array.from({ length: count }, (_, i) => ({
    clear: newClear<ClientClear>({ status: 'active' }, now - (count - i) * 60_000),
    data: { alias: aliasOf(i), code: codeOf(i), pathwayIds: ['postpartum'] } satisfies ClientPayload,
  }));
  progress('clients');
  await insertMany(session, 'clients', clients);

  const versions = payloads[0]?.outcome.versions;
  if (!versions) throw new Error('no outcome');
  for (let start = 0; start < count; start += BATCH / perClient) {
    const screenings: { clear: ScreeningClear; data: ScreeningPayload }[] = [];
    const decisions: { clear: DecisionClear; data: DecisionPayload }[] = [];
    for (let i = start; i < Math.min(count, start + BATCH / perClient); i++) {
      const clientId = clients[i]?.clear.id ?? '';
      for (let s = 0; s < perClient; s++) {
        const data = payloads[(i + s * 3) % payloads.length] ?? payloads[0];
        if (!data) continue;
        const at = now - (perClient - s) * 21 * DAY - i * 1_000;
        const clear = newClear<ScreeningClear>(
          {
            clientId,
            status: 'completed',
            packId: versions.packId,
            packVersion: versions.packVersion,
            instrumentId: versions.instrumentId,
            instrumentVersion: versions.instrumentVersion,
          },
          at,
        );
        screenings.push({ clear, data });
        decisions.push({
          clear: newClear<DecisionClear>({ clientId, screeningId: clear.id, pathwayId: 'postpartum' }, at),
          data: decisionFor(data.outcome),
        });
      }
    }
    progress(`screenings ${start}/${count} clients`);
    await insertMany(session, 'screenings', screenings);
    await insertMany(session, 'decisions', decisions);
  }

  progress('follow-ups and notes');
  const followUps = clients.map((c, i) => ({
    clear: newClear<FollowUpClear>(
      { clientId: c.clear.id, pathwayId: 'postpartum', status: 'open', dueDate: dateIn(dueOffsetDays(i), now) },
      now - DAY,
    ),
    data: { step: 1, instrumentId: 'epds', screeningId: 'seeded' } satisfies FollowUpPayload,
  }));
  await insertMany(session, 'followUps', followUps);
  const notes = clients.map((c, i) => ({
    clear: newClear<NoteClear>({ clientId: c.clear.id }, now - 2 * DAY),
    data: { text: `Bench note ${i}: contact by phone, next visit planned.` } satisfies NotePayload,
  }));
  await insertMany(session, 'notes', notes);

  progress('drafts');
  for (let d = 0; d < DRAFTS; d++) {
    const clientId = clients[count - 1 - d * 7]?.clear.id ?? null;
    await saveDraft(
      session,
      { clientId, data: { pathwayId: 'postpartum', instrumentId: 'epds', answers: { 'epds-1': 1 }, position: 1 } },
      now - d * 3_600_000,
    );
  }
  // The rows were bulk-inserted around the caseload index (as an import would be): build it once
  // here, as the app would at its first unlock, so the cold starts measure the index as used.
  progress('caseload index');
  await rebuildCaseloadIndex(session, Intl.DateTimeFormat().resolvedOptions().timeZone);
  return {
    expectedDue: EXPECTED_DUE,
    today: localDate(new Date(now)),
    timelineClientIds: load.timelineClients.map((i) => clients[i]?.clear.id ?? ''),
  };
}

async function micro(db: StapwijzerDb, runs: number) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const derive: number[] = [];
  const unlocks: number[] = [];
  const saves: number[] = [];
  let session: VaultSession | null = null;
  for (let r = 0; r < runs; r++) {
    progress(`micro ${r + 1}/${runs}`);
    let t0 = performance.now();
    await deriveKek(PASSPHRASE, salt, PRODUCTION_KDF);
    derive.push(performance.now() - t0);
    t0 = performance.now();
    session = await unlock(db, PASSPHRASE);
    unlocks.push(performance.now() - t0);
  }
  if (!session) throw new Error('no session');
  const pack = await postpartum();
  const payload = outcomes(pack, Date.now())[12];
  const client = (await listClients(session)).records[0];
  if (!payload || !client) throw new Error('nothing to save');
  for (let r = 0; r < runs; r++) {
    const screeningId = crypto.randomUUID();
    const v = payload.outcome.versions;
    const t0 = performance.now();
    await completeScreening(session, {
      screening: {
        id: screeningId,
        clientId: client.id,
        packId: v.packId,
        packVersion: v.packVersion,
        instrumentId: v.instrumentId,
        instrumentVersion: v.instrumentVersion,
        data: payload,
      },
      decision: { pathwayId: 'postpartum', data: decisionFor(payload.outcome) },
      followUp: {
        pathwayId: 'postpartum',
        dueDate: dateIn(400, Date.now()),
        data: { step: 1, instrumentId: 'epds', screeningId },
      },
    });
    saves.push(performance.now() - t0);
  }
  return {
    deriveKekMs: median(derive),
    unlockMs: median(unlocks),
    completeScreeningMs: median(saves),
    samples: { derive, unlocks, saves },
  };
}

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return Math.round(median(samples) * 10) / 10;
}

async function indicatorTimes(session: VaultSession, runs: number) {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const packs = await listActivePacks(session.db);
  let records = await loadIndicatorRecords(session, timeZone);
  return {
    indicatorReadsMs: await timeRuns(runs, async () => {
      records = await loadIndicatorRecords(session, timeZone);
    }),
    indicatorComputeMs: await timeRuns(runs, async () =>
      computeIndicators({ ...records, packs, today: localDate(), granularity: 'month', periods: 12 }),
    ),
  };
}

/** Data-layer cost of what the screens read (decrypting included, rendering excluded). */
async function reads(db: StapwijzerDb, runs: number, clientIndex: number, indicatorRuns: number) {
  const session = await unlock(db, PASSPHRASE);
  const today = localDate();
  const clients = (await listClients(session)).records;
  const sorted = [...clients].sort((a, b) => a.data.alias.localeCompare(b.data.alias, 'nl', { sensitivity: 'base' }));
  const client =
    sorted.find(
      (c) => c.data.alias === `${clients[0]?.data.alias.split(' ')[0]} ${String(clientIndex).padStart(4, '0')}`,
    ) ?? clients[0];
  if (!client) throw new Error('no clients');
  const screenings = (await listScreenings(session, client.id)).records;
  const first = screenings[0];
  return {
    listClientsMs: await timeRuns(runs, () => listClients(session)),
    // What Vandaag, the client list and the indicators read now (issue 17): the index, checked against
    // the stored revs and row counts (the first run decrypts its chunks; later runs reuse the copy).
    caseloadIndexFirstReadMs: await timeRuns(1, () =>
      readCaseload(session, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    ),
    caseloadIndexReadMs: await timeRuns(runs, () =>
      readCaseload(session, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    ),
    homeDueMs: await timeRuns(runs, async () => {
      const due = await listDueFollowUps(session, today);
      await Promise.all(due.records.map((f) => getClient(session, f.clientId)));
    }),
    clientHistoryMs: await timeRuns(runs, () =>
      Promise.all([
        getClient(session, client.id),
        listScreenings(session, client.id),
        listDecisions(session, client.id),
        listFollowUps(session, client.id),
        listNotes(session, client.id),
        listPlans(session, client.id),
      ]),
    ),
    // The home screen's backup reminder (mounted on "Vandaag" after unlock) reads the audit log.
    backupReminderInputMs: await timeRuns(runs, () => loadReminderInput(session, Date.now())),
    auditEvents: (await db.auditChain.count()) - 1, // the anchor row is not an event
    // Praktijkcijfers (issue 22): the reads alone (every screening, decision, follow-up and safety
    // event decrypted), then the pure count over them.
    ...(await indicatorTimes(session, indicatorRuns)),
    getPackVersionMs: first ? await timeRuns(runs, () => getPackVersion(db, first.packId, first.packVersion)) : null,
    filterSortMs: await timeRuns(runs, async () =>
      clients
        .filter((c) => matchesClient(c.data, 'zoe 01'))
        .sort((a, b) => a.data.alias.localeCompare(b.data.alias, 'nl', { sensitivity: 'base' })),
    ),
    foldAndSortAllMs: await timeRuns(runs, async () =>
      clients
        .filter((c) => matchesClient(c.data, ''))
        .sort((a, b) => a.data.alias.localeCompare(b.data.alias, 'nl', { sensitivity: 'base' })),
    ),
    sortAllWithCollatorMs: await timeRuns(runs, async () => {
      const collator = new Intl.Collator('nl', { sensitivity: 'base' });
      return [...clients].sort((a, b) => collator.compare(a.data.alias, b.data.alias));
    }),
    filterOnlyMs: await timeRuns(runs, async () => clients.filter((c) => matchesClient(c.data, 'zoe 01'))),
  };
}

/** The data layer's backup export, once: time, size and progress calls, or the error (name: message). */
async function exportOnce(db: StapwijzerDb) {
  const session = await unlock(db, PASSPHRASE);
  let progressCalls = 0;
  const t0 = performance.now();
  try {
    const backup = await exportBackup(session, {
      onProgress: () => {
        progressCalls++;
      },
    });
    return {
      exportOk: true,
      exportMs: Math.round(performance.now() - t0),
      exportChars: backup.blob.size,
      progressCalls,
    };
  } catch (e) {
    return {
      exportOk: false,
      exportMs: Math.round(performance.now() - t0),
      exportError: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      progressCalls,
    };
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const mode = params.get('mode');
  const db = createDatabase();
  const t0 = performance.now();
  const now = Date.now();
  let result: unknown;
  if (mode === 'caseload') {
    const session = await setUp(db);
    result = await seedCaseload(session, now, caseloadOf(params.get('scale')));
  } else if (mode === 'empty') {
    await setUp(db);
    result = { expectedDue: 0 };
  } else if (mode === 'micro') {
    result = await micro(db, Number(params.get('runs') ?? '5'));
  } else if (mode === 'export') {
    result = await exportOnce(db);
  } else if (mode === 'reads') {
    const runs = Number(params.get('runs') ?? '5');
    // At team scale one whole-caseload read takes tens of seconds: once is enough to split the screen's time.
    result = await reads(db, runs, 501, params.get('scale') === 'team' ? 1 : runs);
  } else throw new Error(`unknown mode ${mode}`);
  db.close();
  progress('done');
  finish({ ok: true, ms: Math.round(performance.now() - t0), ...(result as object) });
}

main().catch((e: unknown) => {
  progress('failed');
  finish({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
});
