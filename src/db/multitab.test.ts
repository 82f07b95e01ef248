// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StaleEvent } from './lifecycle';
import { createClient } from './repositories/clients.repository';
import { saveDraft } from './repositories/screenings.repository';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';
import { legacyVault, TEST_PASSPHRASE, testDb, testVault, uniqueDbName, versionsUpTo } from './testing/fixture-db';
import { draftData } from './testing/payloads';
import { unlock } from './vault';

describe('R13/R14: another tab upgrades the schema', () => {
  it('flushes the draft, closes, flags the old tab stale and refuses every later write', async () => {
    const name = uniqueDbName();
    // The old tab is the build before schema v5: it writes rows of the old shape (it has no keys table).
    // (An older one would declare tables v3 dropped, and Dexie would re-add them on its reopen.) Its
    // reopen below does re-add the indexes v10 dropped, raising the native version by one: the new tab
    // must step aside for that and stay usable, not take it for a newer schema.
    const oldTab = testDb(versionsUpTo(4), name);
    const session = await legacyVault(oldTab);
    const client = await createClient(session, { alias: 'A' });

    let flushed = 0;
    oldTab.lifecycle.registerFlush(async () => {
      await saveDraft(session, {
        clientId: client.id,
        data: draftData({ q1: 3 }),
      });
      flushed++;
    });
    const events: StaleEvent[] = [];
    oldTab.lifecycle.onStale((e) => events.push(e));

    const newTab = testDb(SCHEMA_VERSIONS, name);
    await newTab.open(); // blocked until the old tab has flushed and closed
    expect(flushed).toBe(1);
    expect(events).toEqual([{ reason: 'versionchange', newVersion: CURRENT_SCHEMA_VERSION }]);
    expect(oldTab.isOpen()).toBe(false);
    expect(await newTab.drafts.count()).toBe(1);

    await expect(createClient(session, { alias: 'B' })).rejects.toMatchObject({ code: 'stale-build' });
    // Dexie's reopen (explicit or automatic) must not bypass the guard.
    await oldTab.open();
    await expect(createClient(session, { alias: 'C' })).rejects.toMatchObject({ code: 'stale-build' });
    await expect(oldTab.clients.put({ ...(await newTab.clients.toArray())[0]!, rev: 9 })).rejects.toMatchObject({
      code: 'stale-build',
    });
    expect(await newTab.clients.count()).toBe(1);
    const fresh = await unlock(newTab, TEST_PASSPHRASE);
    await createClient(fresh, { alias: 'D' });
    expect(await newTab.clients.count()).toBe(2);
  });

  it('an old build that opens an already-upgraded database is stale from the start', async () => {
    const name = uniqueDbName();
    const upgraded = testDb(versionsUpTo(2), name);
    await testVault(upgraded);
    upgraded.close();
    const old = testDb(versionsUpTo(1), name);
    const events: StaleEvent[] = [];
    old.lifecycle.onStale((e) => events.push(e));
    await old.open();
    expect(events).toEqual([{ reason: 'newer-schema-installed', newVersion: 2 }]);
    const session = await unlock(old, TEST_PASSPHRASE).catch((e: unknown) => e);
    expect(session).toMatchObject({ code: 'stale-build' }); // even the backoff/unlock bookkeeping may not write
  });
});
