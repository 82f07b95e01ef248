// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { toBase32 } from '../../db';
import { admitDocs } from './admit';
import { envelopeId, sealEnvelope, teamKeys } from './envelope';
import { importSigningKey, isSignedGeneration, type Signer, signEnvelope, verifyEnvelope } from './signature';
import { newTeamKey } from './team-settings';

const record = {
  clear: { id: 'c1', rev: 1, createdAt: 1, updatedAt: 1, status: 'active' },
  data: { alias: 'Signed-Client-17' },
};

/** A device's signing pair as device-key.ts makes it: private non-extractable, public as base32 text. */
async function device(deviceId: string, initials: string) {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const text = toBase32(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const key = await importSigningKey(text);
  if (!key) throw new Error('the public key did not import');
  return { deviceId, initials, signingKey: pair.privateKey, signer: { initials, key } satisfies Signer };
}

async function envelope(kid = newTeamKey().kid) {
  const keys = await teamKeys(newTeamKey().key, kid);
  const id = await envelopeId(keys, 'clients', 'c1');
  return { ...(await sealEnvelope(keys, id, 'clients', record)), _rev: '1-abc' };
}

/** The same base64 text with one bit of one ciphertext byte flipped. */
function flipByte(payload: string, at = 20): string {
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return btoa(String.fromCharCode(...bytes));
}

describe('envelope signatures', () => {
  it('verify for the member that signed, naming it', async () => {
    const a = await device('AAAAAAAA', 'AB');
    const signed = await signEnvelope(a, await envelope());
    expect(signed.by).toBe('AAAAAAAA');
    expect(await verifyEnvelope(signed, new Map([[a.deviceId, a.signer]]))).toEqual({
      ok: true,
      signed: true,
      by: 'AAAAAAAA',
    });
  });

  it('fail when one byte of the ciphertext is flipped, or the id, the generation or the author is changed', async () => {
    const a = await device('AAAAAAAA', 'AB');
    const b = await device('BBBBBBBB', 'CD');
    const signers = new Map([
      [a.deviceId, a.signer],
      [b.deviceId, b.signer],
    ]);
    const signed = await signEnvelope(a, await envelope());
    for (const tampered of [
      { ...signed, payload: flipByte(signed.payload) },
      { ...signed, _id: `r${'0'.repeat(40)}` },
      { ...signed, kid: 'g9-s-other' },
      { ...signed, by: b.deviceId },
    ]) {
      expect(await verifyEnvelope(tampered, signers)).toMatchObject({ ok: false, reason: 'bad-signature' });
    }
  });

  it('refuse an envelope re-signed by a key that is not a member, whichever device it names', async () => {
    const a = await device('AAAAAAAA', 'AB');
    const outsider = await device('ZZZZZZZZ', 'XX');
    const signers = new Map([[a.deviceId, a.signer]]);
    const env = await envelope();
    expect(await verifyEnvelope(await signEnvelope(outsider, env), signers)).toEqual({
      ok: false,
      reason: 'not-member',
      by: 'ZZZZZZZZ',
    });
    // Claiming to be a member does not help: the signature is checked under that member's key.
    const impostor = await signEnvelope({ deviceId: a.deviceId, signingKey: outsider.signingKey }, env);
    expect(await verifyEnvelope(impostor, signers)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('accept an unsigned envelope only under a generation from before signing', async () => {
    expect(newTeamKey(3).kid).toMatch(/^g3-s-/);
    expect(isSignedGeneration(newTeamKey().kid)).toBe(true);
    expect(isSignedGeneration('g1-abc123')).toBe(false);
    expect(await verifyEnvelope(await envelope('g1-abc123'), new Map())).toEqual({ ok: true, signed: false });
    expect(await verifyEnvelope(await envelope(), new Map())).toMatchObject({ ok: false, reason: 'unsigned' });
  });
});

describe('a removed member’s signatures', () => {
  it('still verify under generations before its removal, and never under the one it made or later', async () => {
    const b = await device('BBBBBBBB', 'CD');
    const former = new Map([[b.deviceId, { ...b.signer, until: 2 }]]);
    const before = await signEnvelope(b, await envelope('g1-s-abc'));
    expect(await verifyEnvelope(before, former)).toMatchObject({ ok: true, signed: true });
    for (const kid of ['g2-s-def', 'g3-s-ghi', 'x-unnumbered']) {
      const after = await signEnvelope(b, await envelope(kid));
      expect(await verifyEnvelope(after, former)).toMatchObject({ ok: false, reason: 'not-member' });
    }
  });
});

describe('admitting pulled envelopes (the gate applyDocs opens nothing without)', () => {
  it('admits the signed one and refuses the one with a flipped byte and the one re-signed by a non-member', async () => {
    const a = await device('AAAAAAAA', 'AB');
    const outsider = await device('ZZZZZZZZ', 'XX');
    const good = await signEnvelope(a, await envelope());
    const flipped = { ...good, _rev: '2-def', payload: flipByte(good.payload) };
    const resigned = { ...(await signEnvelope(outsider, { ...good })), _rev: '3-fed' };
    const refresh = vi.fn(async () => {});
    const result = await admitDocs([good, flipped, resigned], () => new Map([[a.deviceId, a.signer]]), refresh);
    expect(result.admitted).toEqual([good]);
    expect(result.refused).toEqual([
      { docId: good._id, rev: '2-def', reason: 'bad-signature', by: 'AAAAAAAA' },
      { docId: good._id, rev: '3-fed', reason: 'not-member', by: 'ZZZZZZZZ' },
    ]);
    // An unknown signer may have joined since the list was read: it is read again once, then refused.
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('admits a signer that joined since the member list was read, once the list is read again', async () => {
    const a = await device('AAAAAAAA', 'AB');
    const c = await device('CCCCCCCC', 'EF');
    let signers = new Map([[a.deviceId, a.signer]]);
    const fromC = await signEnvelope(c, await envelope());
    const result = await admitDocs(
      [fromC],
      () => signers,
      async () => {
        signers = new Map([...signers, [c.deviceId, c.signer]]);
      },
    );
    expect(result.admitted).toEqual([fromC]);
    expect(result.refused).toEqual([]);
  });
});
