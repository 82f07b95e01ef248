// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { envelopeId, openEnvelope, paddedLength, sealEnvelope, teamKeys } from './envelope';
import { newTeamKey } from './team-settings';

// The record id has a '-', which neither the hex envelope id nor base64 can hold, so finding it in
// the envelope means plaintext leaked (a bare 'c1' also ends one envelope id in 256).
const recordId = 'client-7';
const record = {
  clear: { id: recordId, rev: 1, createdAt: 1, updatedAt: 1, status: 'active' },
  data: { alias: 'CANARY-Envelope-91' },
};

describe('team envelope', () => {
  it('holds only _id, kid, v and payload; no plaintext; opens with the team key', async () => {
    const { key, kid } = newTeamKey();
    const keys = await teamKeys(key, kid);
    const id = await envelopeId(keys, 'clients', recordId);
    const env = await sealEnvelope(keys, id, 'clients', record);
    expect(Object.keys(env).sort()).toEqual(['_id', 'kid', 'payload', 'v']);
    expect(JSON.stringify(env)).not.toMatch(/CANARY|clients|client-7/);
    expect(id).toMatch(/^r[0-9a-f]{40}$/);
    expect(await openEnvelope(keys, env)).toEqual({ ok: true, table: 'clients', record });
  });

  it('the same record gets the same id on every device of the team, another id in another team', async () => {
    const team = newTeamKey();
    const a = await teamKeys(team.key, team.kid);
    const b = await teamKeys(team.key, team.kid);
    const other = await teamKeys(newTeamKey().key, team.kid);
    expect(await envelopeId(a, 'plans', 'p1')).toBe(await envelopeId(b, 'plans', 'p1'));
    expect(await envelopeId(a, 'plans', 'p1')).not.toBe(await envelopeId(other, 'plans', 'p1'));
  });

  it('refuses another key, another generation, a moved id and a changed byte', async () => {
    const team = newTeamKey();
    const keys = await teamKeys(team.key, team.kid);
    const env = await sealEnvelope(keys, 'rabc', 'clients', record);
    const stranger = await teamKeys(newTeamKey().key, team.kid);
    expect(await openEnvelope(stranger, env)).toEqual({ ok: false, reason: 'damaged' });
    expect(await openEnvelope(keys, { ...env, kid: 'g2-x' })).toEqual({ ok: false, reason: 'other-key' });
    expect(await openEnvelope(keys, { ...env, _id: 'rdef' })).toEqual({ ok: false, reason: 'damaged' });
    const bytes = Buffer.from(env.payload, 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(await openEnvelope(keys, { ...env, payload: bytes.toString('base64') })).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });

  it('carries a device’s audit day as the `teamAudit` kind, with an id of its own per device and day', async () => {
    const keys = await teamKeys(newTeamKey().key, 'g1-a');
    const id = await envelopeId(keys, 'teamAudit', 'devicea1:2026-12-01');
    expect(id).not.toBe(await envelopeId(keys, 'teamAudit', 'devicea1:2026-12-02'));
    const day = { ...record, data: { device: 'devicea1', day: '2026-12-01', events: [] } };
    const env = await sealEnvelope(keys, id, 'teamAudit', day);
    expect(JSON.stringify(env)).not.toMatch(/devicea1|2026-12-01|teamAudit/);
    expect(await openEnvelope(keys, env)).toEqual({ ok: true, table: 'teamAudit', record: day });
  });

  it('pads plaintext to buckets, so a long record and a short one of a bucket have one size', async () => {
    expect([1, 512, 513, 3000, 65_536, 65_537].map(paddedLength)).toEqual([512, 512, 1024, 4096, 65_536, 131_072]);
    const keys = await teamKeys(newTeamKey().key, 'g1-a');
    const short = await sealEnvelope(keys, 'r1', 'notes', { ...record, data: { text: 'kort' } });
    const longer = await sealEnvelope(keys, 'r1', 'notes', { ...record, data: { text: 'x'.repeat(300) } });
    expect(short.payload.length).toBe(longer.payload.length);
  });
});
