// @vitest-environment node
/**
 * R40, "Done when": dump every IndexedDB row after a caseload with safety cases and step-0 cases:
 * no field outside clear-fields.ts, ciphertext lengths only in buckets, and nothing in clear that
 * tells a safety case's rows from a step-0 case's (same field sets, same lengths per table).
 */
import { describe, expect, it } from 'vitest';
import { bundledPack, epdsTotal } from '../content/testing';
import type { ScreeningOutcome } from '../domain/result';
import { evaluateScreening } from '../domain/routing';
import { exportBackup } from './backup/export-backup';
import { exportBackupV1 } from './backup/export-backup-v1';
import { openChunk, splitStream } from './backup/stream-testing';
import { CLEAR_FIELDS, UNSEALED_TABLE_FIELDS } from './clear-fields';
import { isBucketSize } from './crypto/padding';
import type { EncryptedTableName, StapwijzerDb } from './database';
import { RESEAL_TABLES } from './migration/reseal';
import { createClient } from './repositories/clients.repository';
import { createNote } from './repositories/notes.repository';
import { createPlan } from './repositories/plans.repository';
import { recordSafetyOutcome, recordSafetySignal, signalIdFor } from './repositories/safety-events.repository';
import { completeScreening, saveDraft } from './repositories/screenings.repository';
import type { VaultSession } from './session';
import { testDb, testVault } from './testing/fixture-db';
import { planData } from './testing/payloads';

const NOW = '2025-03-03T09:00:00.000Z';
const pack = bundledPack('postpartum');
const GCM_TAG = 16;

function outcomeOf(total: number, item10: number): ScreeningOutcome {
  const r = evaluateScreening({
    pack,
    instrumentId: 'epds',
    answers: epdsTotal(total, item10),
    context: { phase: 'postpartum', weeks: 8 },
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** One client through a completed EPDS, as the screening feature saves it. */
async function seedCase(session: VaultSession, kind: 'safety' | 'step0', n: number): Promise<string> {
  const total = kind === 'safety' ? 12 + (n % 6) : n % 9;
  const outcome = outcomeOf(total, kind === 'safety' ? 1 + (n % 3) : 0);
  const safety = kind === 'safety';
  expect(outcome.recommendation.kind).toBe(safety ? 'safety' : 'step');
  const client = await createClient(session, { alias: `Cliënt ${'x'.repeat(n % 20)}${n}`, code: `C-${n}` });
  const draftId = crypto.randomUUID();
  if (safety) {
    const signal = outcome.score.redFlags[0];
    await recordSafetySignal(
      session,
      { signalId: await signalIdFor(session, draftId, signal?.ruleId ?? 'epds.item-10'), clientId: client.id },
      {
        kind: 'signal',
        pathwayId: 'postpartum',
        signal: {
          id: 'epds.item-10',
          kind: 'red-flag',
          level: 'urgent',
          label: { nl: 'Gedachten aan zelfbeschadiging', en: 'Thoughts of self-harm' },
        },
        draftId,
        at: NOW,
      },
    );
  }
  const screeningId = crypto.randomUUID();
  await completeScreening(session, {
    screening: {
      id: screeningId,
      clientId: client.id,
      packId: outcome.versions.packId,
      packVersion: outcome.versions.packVersion,
      instrumentId: 'epds',
      instrumentVersion: outcome.versions.instrumentVersion,
      data: {
        pathwayId: 'postpartum',
        instrumentId: 'epds',
        answers: epdsTotal(total, safety ? 1 + (n % 3) : 0),
        context: { phase: 'postpartum', weeks: 8 },
        flags: {},
        outcome,
      },
    },
    decision: {
      pathwayId: 'postpartum',
      data: {
        recommended: outcome.recommendation,
        chosen: safety ? 'safety' : 0,
        reasons: [...outcome.reasons],
        ...(safety
          ? {
              safetyAction: {
                action: 'same-day-gp',
                label: { nl: 'Vandaag met de huisarts overlegd', en: 'Discussed with the GP today' },
                note: 'Huisarts gebeld, afspraak morgen',
                at: NOW,
              },
            }
          : {}),
      },
    },
    followUp: {
      pathwayId: 'postpartum',
      dueDate: safety ? '2025-03-04' : '2025-03-31',
      data: { step: safety ? 'safety' : 0, instrumentId: 'epds', screeningId },
    },
  });
  if (safety) {
    const signalId = await signalIdFor(session, draftId, 'epds.item-10');
    await recordSafetyOutcome(session, [{ signalId }], client.id, {
      kind: 'action',
      action: 'same-day-gp',
      screeningId,
      at: NOW,
    });
  }
  await createNote(session, client.id, { text: `Gesprek ${n}: ${'goed '.repeat(n % 7)}` });
  await createPlan(session, { clientId: client.id, pathwayId: 'postpartum' }, planData(`slaap ${n}`));
  return client.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Dump = Record<string, Record<string, unknown>[]>;

async function dumpAll(db: StapwijzerDb): Promise<Dump> {
  const out: Dump = {};
  for (const t of db.tables) out[t.name] = (await t.toArray()) as Record<string, unknown>[];
  return out;
}

/** A row's clear "shape": its field names and its ciphertext length. */
const shape = (row: Record<string, unknown>) => {
  const ct = row.ct;
  return `${Object.keys(row).sort().join(',')}|${ct instanceof Uint8Array ? ct.byteLength : 'no-ct'}`;
};

describe('R40: what a copy of the profile shows', () => {
  it('holds only the listed clear fields, bucketed lengths, and nothing that marks a safety case', async () => {
    const db = testDb();
    const session = await testVault(db);
    const safetyClients = new Set<string>();
    const step0Clients = new Set<string>();
    for (let n = 0; n < 12; n++) {
      safetyClients.add(await seedCase(session, 'safety', n));
      step0Clients.add(await seedCase(session, 'step0', n));
    }
    await saveDraft(session, { clientId: null, data: { pathwayId: 'postpartum' } });

    const dump = await dumpAll(db);
    for (const table of RESEAL_TABLES) {
      const allowed: readonly string[] = CLEAR_FIELDS[table].clear;
      for (const row of dump[table] ?? []) {
        for (const field of Object.keys(row)) {
          if (field === 'iv' || field === 'ct') continue;
          expect(allowed, `${table}.${field}`).toContain(field);
        }
        const ct = row.ct as Uint8Array;
        expect(isBucketSize(ct.byteLength - GCM_TAG), `${table}/${String(row.id)}: ${ct.byteLength}`).toBe(true);
      }
    }
    for (const row of dump.keys ?? []) expect(Object.keys(row).sort()).toEqual([...UNSEALED_TABLE_FIELDS.keys].sort());
    // The sealed audit chain: events and the anchor, the same clear fields, bucketed lengths.
    expect(dump.auditChain?.length).toBeGreaterThan(1);
    for (const row of dump.auditChain ?? []) {
      expect(Object.keys(row).sort()).toEqual([...CLEAR_FIELDS.auditChain.clear, 'iv', 'ct'].sort());
      expect(row.kid).toBe('dek');
      expect(isBucketSize((row.ct as Uint8Array).byteLength - GCM_TAG)).toBe(true);
    }
    for (const table of ['auditPending', 'backupStaging'] as const)
      for (const row of dump[table] ?? [])
        expect(Object.keys(row).sort()).toEqual([...UNSEALED_TABLE_FIELDS[table]].sort());
    // No canary (alias, code, note text, labels) anywhere in clear.
    // (Rows only: the table names themselves are not about anyone.)
    const text = JSON.stringify(Object.values(dump), (_k, v: unknown) => (v instanceof Uint8Array ? '' : v));
    for (const canary of [
      'Cliënt',
      'C-1',
      'Gesprek',
      'zelfbeschadiging',
      'huisarts',
      'same-day-gp',
      '2025-03-04',
      'safety',
      'item-10',
    ])
      expect(text.includes(canary), canary).toBe(false);
    // Safety event ids (a signal's is derived from its draft and rule) look like every other random id.
    expect(dump.safetyEvents?.length).toBe(24);
    for (const row of dump.safetyEvents ?? []) expect(String(row.id)).toMatch(UUID);

    // Per client table: the shapes of a safety case's rows and a step-0 case's rows are the same.
    const clientTables: EncryptedTableName[] = ['clients', 'screenings', 'decisions', 'followUps', 'notes', 'plans'];
    for (const table of clientTables) {
      const rows = dump[table] ?? [];
      const owner = (r: Record<string, unknown>) => String(table === 'clients' ? r.id : r.clientId);
      const safetyShapes = new Set(rows.filter((r) => safetyClients.has(owner(r))).map(shape));
      const step0Shapes = new Set(rows.filter((r) => step0Clients.has(owner(r))).map(shape));
      expect([...safetyShapes].sort(), table).toEqual([...step0Shapes].sort());
      expect(safetyShapes.size, `${table}: one shape`).toBe(1);
    }
    // A format 2 backup: its chunks (opened with the vault's key) carry the rows as stored, and the keys.
    const stream = splitStream(await (await exportBackup(session)).blob.text());
    let keyRows = 0;
    for (let i = 0; i < stream.chunks.length; i++) {
      const chunk = await openChunk(session, stream, i);
      if (chunk.table === 'keys') keyRows += chunk.rows.length;
      const rule = chunk.table === 'keys' ? null : CLEAR_FIELDS[chunk.table as EncryptedTableName];
      const allowed: string[] = rule ? [...rule.clear, 'iv', 'ct'] : [...UNSEALED_TABLE_FIELDS.keys];
      for (const row of chunk.rows)
        for (const f of Object.keys(row)) expect(allowed, `backup ${chunk.table}.${f}`).toContain(f);
    }
    expect(keyRows).toBe(dump.keys?.length ?? -1);
    // A format 1 backup carries the rows as stored: the same clear fields, and the wrapped keys.
    const backup = JSON.parse((await exportBackupV1(session)).text) as {
      tables: Record<string, Record<string, unknown>[]>;
      keys: Record<string, unknown>[];
    };
    for (const table of RESEAL_TABLES) {
      const allowed: string[] = [...CLEAR_FIELDS[table].clear, 'iv', 'ct'];
      for (const row of backup.tables[table] ?? [])
        for (const f of Object.keys(row)) expect(allowed, `backup ${table}.${f}`).toContain(f);
    }
    expect(backup.keys).toHaveLength(dump.keys?.length ?? -1);
    const backupText = JSON.stringify(Object.values(backup.tables));
    for (const canary of ['Cliënt', 'Gesprek', '2025-03-04', 'safety'])
      expect(backupText.includes(canary), canary).toBe(false);

    // Safety events name no client and no client key: they cannot be tied to a case from clear.
    const clientKeyIds = new Set((dump.keys ?? []).map((k) => k.id));
    for (const row of dump.safetyEvents ?? []) {
      expect(row.kid).toBe('dek');
      expect(clientKeyIds.has(String(row.kid))).toBe(false);
    }
    db.close();
  });
});
