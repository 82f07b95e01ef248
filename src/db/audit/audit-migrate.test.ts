// @vitest-environment node
// Schema v1–v7 kept the audit log in clear (`auditLog`, tip in meta, head anchored in the encrypted
// settings). The first unlock on v8 seals it into the chain, once; these build such a log by hand.
import { describe, expect, it } from 'vitest';
import type { StapwijzerDb } from '../database';
import { needsReseal, resealPending, runReseal } from '../migration/reseal';
import { createClient, listClients } from '../repositories/clients.repository';
import type { VaultSession } from '../session';
import { legacyVault, TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
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

  it('a v1–v4 vault (old row shape, head in an old-shape setting): unlock seals the log, then the re-sealing runs to the end', async () => {
    const db = testDb();
    const old = await legacyVault(db);
    await createClient(old, { alias: 'oud' });
    await auditSettled(db);
    // As a v4 build left it: no sealed chain, no pending table rows, a clear log and its head.
    await db.auditChain.clear();
    await db.auditPending.clear();
    await db.meta.delete('auditLocked');
    const log = await legacyLog(8);
    await db.auditLog.bulkAdd(log);
    await db.meta.put({ key: 'auditTip', count: 8, hash: log[7]?.hash ?? GENESIS_HASH });
    const now = Date.now();
    await db.settings.put(
      await old.seal(
        'settings',
        { id: LEGACY_HEAD_SETTING, rev: 1, createdAt: now, updatedAt: now },
        { count: 8, hash: log[7]?.hash },
      ),
    );
    expect(await db.settings.get(LEGACY_HEAD_SETTING)).not.toHaveProperty('kid');
    await db.meta.put(resealPending(now)); // what the v5 upgrade writes
    db.close();

    // The app's order: the audit migration inside unlock, the re-sealing after it.
    const next = testDb(undefined, db.name);
    const session = await reopen(next);
    expect(await verifyAuditChain(session)).toEqual({ ok: true, count: 9, anchored: true });
    expect(await next.settings.get(LEGACY_HEAD_SETTING)).toBeUndefined();
    const result = await runReseal(session);
    expect(result.kept).toEqual([]);
    expect(await needsReseal(next)).toBe(false);
    expect((await next.clients.toArray()).every((r) => 'kid' in r)).toBe(true);
    expect((await listClients(session)).records.map((c) => c.data.alias)).toEqual(['oud']);
    expect(await verifyAuditChain(session)).toEqual({ ok: true, count: 9, anchored: true });
    next.close();
  });
});
