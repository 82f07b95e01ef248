// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { testDb, testVault } from '../testing/fixture-db';
import { createClient, getClient, updateClient } from './clients.repository';
import { applyPulled, listUnmirrored, markMirrored, readForSync } from './sync.repository';

describe('sync repository (mirror side of team sync)', () => {
  it('lists a record until its rev is marked mirrored, and again after a local edit', async () => {
    const session = await testVault(testDb());
    const client = await createClient(session, { alias: 'Mirror-1' });
    expect((await listUnmirrored(session, 'clients')).map((r) => r.id)).toEqual([client.id]);
    await markMirrored(session, [{ table: 'clients', id: client.id, localRev: 1, envelopeRev: '1-a' }]);
    expect(await listUnmirrored(session, 'clients')).toEqual([]);
    await updateClient(session, client, { alias: 'Mirror-2' });
    expect(await listUnmirrored(session, 'clients')).toMatchObject([
      { id: client.id, rev: 2, state: { envelopeRev: '1-a' } },
    ]);
  });

  it('applies a pulled record sealed under this device, and does not list it for pushing', async () => {
    const source = await testVault(testDb());
    const target = await testVault(testDb());
    const client = await createClient(source, { alias: 'Van A' });
    const record = await readForSync(source, 'clients', client.id);
    if (!record) throw new Error('no record');
    expect(await applyPulled(target, [{ table: 'clients', record, envelopeRev: '1-x' }])).toEqual(['applied']);
    expect((await getClient(target, client.id))?.data.alias).toBe('Van A');
    expect(await listUnmirrored(target, 'clients')).toEqual([]);
    expect(await applyPulled(target, [{ table: 'clients', record, envelopeRev: '1-x' }])).toEqual(['unchanged']);
  });

  it('never overwrites a local edit that was not mirrored yet ("dirty"), and refuses a payload of another shape', async () => {
    const session = await testVault(testDb());
    const client = await createClient(session, { alias: 'Lokaal' });
    await markMirrored(session, [{ table: 'clients', id: client.id, localRev: 1, envelopeRev: '1-a' }]);
    await updateClient(session, client, { alias: 'Lokaal bewerkt' });
    const { data: _local, ...clear } = client;
    const outcomes = await applyPulled(session, [
      { table: 'clients', record: { clear, data: { alias: 'Van elders' } }, envelopeRev: '2-b' },
      { table: 'clients', record: { clear: { ...clear, id: 'other' }, data: { alias: 42 } }, envelopeRev: '1-c' },
    ]);
    expect(outcomes).toEqual(['dirty', 'invalid']);
    expect((await getClient(session, client.id))?.data.alias).toBe('Lokaal bewerkt');
    expect(await getClient(session, 'other')).toBeUndefined();
  });
});
