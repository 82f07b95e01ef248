// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toBase32 } from '../../db';
import { comparisonCode, JoinCryptoError, type KeyBundle, unwrapTeamKeys, wrapTeamKeys } from './join-crypto';
import { newTeamKey } from './team-settings';

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function device() {
  const pair = await crypto.subtle.generateKey(ECDH, false, ['deriveBits']);
  const publicRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicRaw };
}

const CONTEXT = JSON.stringify(['team-1', 'team']);

describe('wrapping team keys to a device (ECDH + HKDF + AES-KW)', () => {
  it('round-trips every generation from the inviter to the newcomer', async () => {
    const inviter = await device();
    const newcomer = await device();
    const generations = [newTeamKey(1), newTeamKey(2)];
    const bundle = await wrapTeamKeys(inviter, newcomer.publicRaw, generations, CONTEXT);
    expect(bundle.keys.map((k) => k.kid)).toEqual(generations.map((g) => g.kid));
    expect(JSON.stringify(bundle)).not.toContain(generations[0]?.key);
    expect(await unwrapTeamKeys(newcomer, inviter.publicRaw, bundle, CONTEXT)).toEqual(generations);
  });

  it('does not unwrap with another device’s private key, from another sender, in another team, or tampered', async () => {
    const inviter = await device();
    const newcomer = await device();
    const stranger = await device();
    const bundle = await wrapTeamKeys(inviter, newcomer.publicRaw, [newTeamKey(1)], CONTEXT);
    // A stranger holding the bundle (its own public key swapped in as recipient) cannot unwrap it.
    const forStranger: KeyBundle = { ...bundle, to: toBase32(stranger.publicRaw) };
    await expect(unwrapTeamKeys(stranger, inviter.publicRaw, forStranger, CONTEXT)).rejects.toThrow(JoinCryptoError);
    await expect(unwrapTeamKeys(stranger, inviter.publicRaw, bundle, CONTEXT)).rejects.toThrow(JoinCryptoError);
    // The right recipient, but the sender claimed to be someone else.
    const otherSender: KeyBundle = { ...bundle, from: toBase32(stranger.publicRaw) };
    await expect(unwrapTeamKeys(newcomer, stranger.publicRaw, otherSender, CONTEXT)).rejects.toThrow(JoinCryptoError);
    // Replayed into another team.
    await expect(
      unwrapTeamKeys(newcomer, inviter.publicRaw, bundle, JSON.stringify(['team-2', 'team'])),
    ).rejects.toThrow(JoinCryptoError);
    // One bit of the wrapped key flipped; a generation id relabelled.
    const wrapped = atob(bundle.keys[0]?.wrapped ?? '');
    const flipped = String.fromCharCode(wrapped.charCodeAt(0) ^ 1) + wrapped.slice(1);
    const tampered: KeyBundle = { ...bundle, keys: [{ kid: bundle.keys[0]?.kid ?? '', wrapped: btoa(flipped) }] };
    await expect(unwrapTeamKeys(newcomer, inviter.publicRaw, tampered, CONTEXT)).rejects.toThrow(JoinCryptoError);
    const relabelled: KeyBundle = { ...bundle, keys: [{ kid: 'g9-forged', wrapped: bundle.keys[0]?.wrapped ?? '' }] };
    await expect(unwrapTeamKeys(newcomer, inviter.publicRaw, relabelled, CONTEXT)).rejects.toThrow(JoinCryptoError);
  });
});

describe('the comparison code', () => {
  it('is six digits, equal on both screens, and different when either key is swapped', async () => {
    const inviter = await device();
    const newcomer = await device();
    const attacker = await device();
    const onInviter = await comparisonCode(inviter.publicRaw, newcomer.publicRaw);
    const onNewcomer = await comparisonCode(inviter.publicRaw, newcomer.publicRaw);
    expect(onInviter).toMatch(/^\d{6}$/);
    expect(onNewcomer).toBe(onInviter);
    // The inviter typed the attacker's key; or the newcomer got an attacker's offer.
    expect(await comparisonCode(inviter.publicRaw, attacker.publicRaw)).not.toBe(onNewcomer);
    expect(await comparisonCode(attacker.publicRaw, newcomer.publicRaw)).not.toBe(onInviter);
    // The roles are ordered: the two keys the other way round give another code.
    expect(await comparisonCode(newcomer.publicRaw, inviter.publicRaw)).not.toBe(onInviter);
  });
});
