// @vitest-environment node
// Schema v1–v7 kept the audit log in clear (`auditLog`, tip in meta, head anchored in the encrypted
// settings). The first unlock on v8 seals it into the chain, once; these build such a log by hand.
import { describe, expect, it } from 'vitest';
import type { StapwijzerDb } from '../database';
import { createClient } from '../repositories/clients.repository';
import type { VaultSession } from '../session';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import type { AuditRow } from '../types';
import { lock, unlock } from '../vault';
import { GENESIS_HASH, hashEvent } from './audit-hash';
import { LEGACY_HEAD_SETTING } from './audit-migrate';
import { ANCHOR_ID } from './audit-store';
import { auditSettled, readAuditEvents, verifyAuditChain } from './index';

async function legacyLog(n: number): Promise<AuditRow[]> {
  const out: AuditRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 0; seq < n; seq++) {
    const base = {
      id: crypto.randomUUID(),
      seq,
      ts: new Date(Date.UTC(2025, 0, 1, 0, seq)).toISOString(),
      action: seq % 3 === 0 ? ('unlock' as const) : ('create' as const),
      recordId: null,
      actor: 'OL',
      prevHash,
    };
    const hash = await hashEvent(base);
    out.push({ ...base, hash });
    prevHash = hash;
  }
  return out;
}

/** A vault that looks like one written by schema v7: clear log + tip + head in the settings. */
async function v7Vault(n: number, anchored = n) {
  const db = testDb();
  const session = await testVault(db);
  await createClient(session, { alias: 'oud' });
  await auditSettled(db);
  await db.auditChain.clear();
  const log = await legacyLog(n);
  await db.auditLog.bulkAdd(log);
  await db.meta.put({ key: 'auditTip', count: n, hash: log[n - 1]?.hash ?? GENESIS_HASH });
  const head = { count: anchored, hash: log[anchored - 1]?.hash ?? GENESIS_HASH };
  const now = Date.now();
  await db.settings.put(
    await session.seal('settings', { id: LEGACY_HEAD_SETTING, rev: 3, createdAt: now, updatedAt: now }, head),
  );
  lock(session);
  return { db, log };
}

async function reopen(db: StapwijzerDb): Promise<VaultSession> {
  const session = await unlock(db, TEST_PASSPHRASE);
  await auditSettled(db);
  return session;
}

describe('migration of the clear audit log into the sealed chain', () => {
  it('seals every event as it was (same ids and hashes), empties the clear log, and verifies', async () => {
    const { db, log } = await v7Vault(40);
    const session = await reopen(db);
    const events = await readAuditEvents(session);
    expect(events.slice(0, 40)).toEqual(log);
    expect(events.map((e) => e.action).at(-1)).toBe('unlock');
    expect(await db.auditLog.count()).toBe(0);
    expect(await db.meta.get('auditTip')).toBeUndefined();
    expect(await db.settings.get(LEGACY_HEAD_SETTING)).toBeUndefined();
    expect(await verifyAuditChain(session)).toEqual({ ok: true, count: 41, anchored: true });
  });

  it('is idempotent: a second unlock moves nothing again', async () => {
    const { db } = await v7Vault(10);
    lock(await reopen(db));
    const session = await reopen(db);
    expect((await readAuditEvents(session)).length).toBe(12); // 10 old + 2 unlocks
    expect(await verifyAuditChain(session)).toMatchObject({ ok: true, count: 12 });
  });

  it('a clear log cut off before the migration stays detected after it', async () => {
    const { db } = await v7Vault(10, 10);
    const last = (await db.auditLog.toArray()).find((e) => e.seq === 9);
    await db.auditLog.delete(last?.id ?? '');
    await db.meta.put({
      key: 'auditTip',
      count: 9,
      hash: (await db.auditLog.toArray()).find((e) => e.seq === 8)?.hash ?? '',
    });
    const session = await reopen(db);
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'truncated', at: 9 });
  });

  it('a vault with records but no head anywhere is not taken as new', async () => {
    const { db } = await v7Vault(10);
    await db.settings.delete(LEGACY_HEAD_SETTING);
    const session = await reopen(db);
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'anchor' });
    expect(await db.auditChain.get(ANCHOR_ID)).toBeDefined();
  });
});
