// Joining, members and key rotation (issue 20), over the team database's join, member and key
// documents (team-docs.ts) and the wrap crypto (join-crypto.ts). No PouchDB: this runs on the
// settings screen, before and beside the sync engine.
//
// Joining: the newcomer enters its server account and shows its public key. The inviter enters that
// key: its device writes a join OFFER naming its own public key, and both screens show the 6-digit
// comparison code of the two keys. Only when the inviter confirms the codes match are the team keys
// (every generation) wrapped to the newcomer and written into the join document; the newcomer, once
// its person has confirmed the same code, unwraps them (refusing a bundle from any key other than
// the one whose code was confirmed), writes its member document and deletes the join document.
//
// Rotation: removing a member (after the practice's admin revoked the server account) makes a new
// generation, wraps all generations to every other member's public key (`k-<device>`), and switches
// this device to it. The others pick it up when they meet an envelope under the new generation.
// A removed member keeps what it already had; it cannot open what is written afterwards.
import {
  appendAuditQuietly,
  deviceIdOf,
  deviceKey,
  fromBase32,
  publicKeyFromText,
  teamRecordId,
  type VaultSession,
} from '../../db';
import { readProfile } from '../profile/profile';
import { teamKeyRing } from './envelope';
import { comparisonCode, JoinCryptoError, unwrapTeamKeys, wrapTeamKeys } from './join-crypto';
import {
  joinDoc,
  joinDocId,
  keyDoc,
  keyDocId,
  type Member,
  memberDocId,
  openMember,
  readJoin,
  readKeyDoc,
  sealFormer,
  sealMember,
  type TeamAccount,
  TeamDocs,
} from './team-docs';
import { generationsOf, newTeamKey, readTeam, type TeamSetting, writeTeam } from './team-settings';

export type TeamStatus =
  /** No team: the device key is made only when the person starts joining (deviceKey). */
  | { kind: 'none' }
  | { kind: 'member'; deviceId: string; publicText: string; team: TeamSetting }
  /** A team setting from another device key (a restored backup): this device must rejoin. */
  | { kind: 'rejoin'; deviceId: string; publicText: string; team: TeamSetting };

export async function teamStatus(session: VaultSession): Promise<TeamStatus> {
  const team = await readTeam(session);
  if (!team) return { kind: 'none' };
  const device = await deviceKey(session);
  const base = { deviceId: device.deviceId, publicText: device.publicText };
  if (team.deviceId && team.deviceId !== device.deviceId) return { kind: 'rejoin', ...base, team };
  return { kind: 'member', ...base, team };
}

/** Whether sync may run with this setting on this device (a rejoin is needed otherwise). */
export async function teamBelongsToDevice(session: VaultSession, team: TeamSetting): Promise<boolean> {
  if (!team.deviceId) return true; // set up by hand (the dev action, older test helpers)
  return (await deviceKey(session)).deviceId === team.deviceId;
}

const contextOf = (teamId: string, database: string) => JSON.stringify([teamId, database]);
const accountOf = (team: TeamSetting): TeamAccount => ({
  database: team.database,
  username: team.username,
  password: team.password,
});

async function ownMember(session: VaultSession): Promise<Member> {
  const device = await deviceKey(session);
  const profile = await readProfile(session);
  return {
    deviceId: device.deviceId,
    publicKey: device.publicText,
    initials: profile?.initials ?? '',
    signingKey: device.signingPublicText,
  };
}

function randomTeamId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** "Team maken": generation 1 of a new team key, this device its first member. */
export async function createTeam(session: VaultSession, account: TeamAccount, baseUrl: string): Promise<TeamSetting> {
  const device = await deviceKey(session);
  const first = newTeamKey(1);
  const team: TeamSetting = { teamId: randomTeamId(), ...first, ...account, deviceId: device.deviceId };
  const ring = await teamKeyRing(generationsOf(team));
  await new TeamDocs(baseUrl, account).put(await sealMember(ring.current, await ownMember(session)));
  await writeTeam(session, team);
  // Audited (who: the actor; when: the time; which generation: the record), and it travels to the team.
  await appendAuditQuietly(session.db, [{ action: 'team-create', recordId: teamRecordId(team.kid) }]);
  return team;
}

// ---- the inviter ------------------------------------------------------------------------------------

export interface Newcomer {
  deviceId: string;
  raw: Uint8Array<ArrayBuffer>;
  code: string;
}

/** Reads the newcomer's key, writes the join offer and returns the comparison code to show. */
export async function offerJoin(
  session: VaultSession,
  team: TeamSetting,
  baseUrl: string,
  newcomerText: string,
): Promise<Newcomer> {
  const device = await deviceKey(session);
  const { raw } = await publicKeyFromText(newcomerText);
  const deviceId = await deviceIdOf(raw);
  if (deviceId === device.deviceId) throw new TypeError('this is your own device');
  await new TeamDocs(baseUrl, accountOf(team)).put(
    joinDoc(deviceId, { stage: 'offer', from: device.publicText, teamId: team.teamId }),
  );
  return { deviceId, raw, code: await comparisonCode(device.publicRaw, raw) };
}

/** The codes matched: the team keys, wrapped to the newcomer, go into the join document. */
export async function confirmJoin(
  session: VaultSession,
  team: TeamSetting,
  baseUrl: string,
  newcomer: Newcomer,
): Promise<void> {
  const device = await deviceKey(session);
  const bundle = await wrapTeamKeys(device, newcomer.raw, generationsOf(team), contextOf(team.teamId, team.database));
  await new TeamDocs(baseUrl, accountOf(team)).put(
    joinDoc(newcomer.deviceId, { stage: 'key', from: device.publicText, teamId: team.teamId, bundle }),
  );
  await appendAuditQuietly(session.db, [
    { action: 'team-member-add', recordId: teamRecordId(team.kid, newcomer.deviceId) },
  ]);
}

export async function cancelJoin(team: TeamSetting, baseUrl: string, deviceId: string): Promise<void> {
  await new TeamDocs(baseUrl, accountOf(team)).remove(joinDocId(deviceId));
}

// ---- the newcomer -----------------------------------------------------------------------------------

export type JoinProgress =
  | { stage: 'waiting' }
  /** `from`: the inviter's public key the code was computed with. `ready`: the keys are there. */
  | { stage: 'offer'; code: string; from: string; ready: boolean };

export async function pollJoin(session: VaultSession, account: TeamAccount, baseUrl: string): Promise<JoinProgress> {
  const device = await deviceKey(session);
  const join = readJoin(await new TeamDocs(baseUrl, account).get(joinDocId(device.deviceId)));
  if (!join) return { stage: 'waiting' };
  const code = await comparisonCode(fromBase32(join.from), device.publicRaw);
  return { stage: 'offer', code, from: join.from, ready: join.stage === 'key' };
}

/**
 * Imports the team keys of the join document, if they come from `confirmedFrom` (the inviter key
 * whose comparison code the person confirmed) and unwrap; then deletes the join document.
 * Throws JoinCryptoError for a tampered or substituted document: nothing is imported then.
 */
export async function acceptJoin(
  session: VaultSession,
  account: TeamAccount,
  baseUrl: string,
  confirmedFrom: string,
): Promise<TeamSetting> {
  const device = await deviceKey(session);
  const docs = new TeamDocs(baseUrl, account);
  const join = readJoin(await docs.get(joinDocId(device.deviceId)));
  if (join?.stage !== 'key') throw new JoinCryptoError('no keys in the join document yet');
  if (join.from !== confirmedFrom || join.bundle.from !== confirmedFrom) {
    throw new JoinCryptoError('the keys come from another device than the one whose code was confirmed');
  }
  const generations = await unwrapTeamKeys(
    device,
    fromBase32(join.from),
    join.bundle,
    contextOf(join.teamId, account.database),
  );
  const current = generations[generations.length - 1];
  if (!current) throw new JoinCryptoError('no key');
  const team: TeamSetting = {
    teamId: join.teamId,
    kid: current.kid,
    key: current.key,
    older: generations.slice(0, -1),
    ...account,
    deviceId: device.deviceId,
  };
  const ring = await teamKeyRing(generationsOf(team));
  await docs.put(await sealMember(ring.current, await ownMember(session)));
  await writeTeam(session, team);
  await docs.remove(joinDocId(device.deviceId));
  // This device's own clients move into the team as an audited step: each gets a `team-share` event
  // (in its own log and, as it names a record, in the team's), and the sync engine, starting now, seals
  // every one of their records under the team key into envelopes, signed, like any record. On this
  // device they stay sealed under their client keys (wrapped under the data key; ARCHITECTURE).
  const own = (await session.db.clients.toCollection().primaryKeys()).filter(
    (id): id is string => typeof id === 'string',
  );
  await appendAuditQuietly(session.db, [
    { action: 'team-join', recordId: teamRecordId(team.kid) },
    ...own.map((id) => ({ action: 'team-share' as const, recordId: id })),
  ]);
  return team;
}

export async function refuseJoin(session: VaultSession, account: TeamAccount, baseUrl: string): Promise<void> {
  const device = await deviceKey(session);
  await new TeamDocs(baseUrl, account).remove(joinDocId(device.deviceId));
}

// ---- members and rotation ---------------------------------------------------------------------------

/**
 * Makes sure this device's member document names its signing key (issue 20: signed envelopes), so the
 * team can verify what it pushes. A member document written before signing existed gets it added; the
 * document stays sealed under the generation it was written with (see removeMemberAndRotate). The sync
 * engine calls this before it starts replicating.
 */
export async function publishOwnMember(session: VaultSession, team: TeamSetting, baseUrl: string): Promise<Member> {
  const docs = new TeamDocs(baseUrl, accountOf(team));
  const mine = await ownMember(session);
  const ring = await teamKeyRing(generationsOf(team));
  const stored = await docs.get(memberDocId(mine.deviceId));
  const opened = stored ? await openMember(ring, stored) : null;
  if (opened && opened.publicKey === mine.publicKey && opened.signingKey === mine.signingKey) return opened;
  const member: Member = { ...mine, initials: opened?.initials || mine.initials };
  await docs.put(await sealMember((stored && ring.of(stored.kid)) || ring.current, member));
  return member;
}

/** The team's members whose documents open under a generation this device holds. */
export async function listMembers(team: TeamSetting, baseUrl: string): Promise<Member[]> {
  const ring = await teamKeyRing(generationsOf(team));
  const docs = await new TeamDocs(baseUrl, accountOf(team)).list('m-');
  const out: Member[] = [];
  for (const doc of docs) {
    const member = await openMember(ring, doc);
    if (member) out.push(member);
  }
  return out;
}

/**
 * Removes a member and rotates the team key. Call only after the server account was revoked (the
 * admin script), or the removed device could still fetch what is written next.
 */
export async function removeMemberAndRotate(
  session: VaultSession,
  team: TeamSetting,
  baseUrl: string,
  removedDeviceId: string,
): Promise<TeamSetting> {
  const device = await deviceKey(session);
  const docs = new TeamDocs(baseUrl, accountOf(team));
  const members = await listMembers(team, baseUrl);
  const n = generationsOf(team).length + 1;
  const next = newTeamKey(n);
  const rotated: TeamSetting = {
    ...team,
    ...next,
    older: generationsOf(team),
    deviceId: team.deviceId ?? device.deviceId,
  };
  const generations = generationsOf(rotated);
  const context = contextOf(team.teamId, team.database);
  // Every remaining member gets the new generation before anything is sealed under it.
  for (const m of members) {
    if (m.deviceId === removedDeviceId || m.deviceId === device.deviceId) continue;
    const bundle = await wrapTeamKeys(device, fromBase32(m.publicKey), generations, context);
    await docs.put(keyDoc(m.deviceId, team.teamId, bundle));
  }
  // The removed member's signatures on what it wrote before stay verifiable (a device joining later
  // still takes its records); under the new generation and later, none of them is accepted.
  const removed = members.find((m) => m.deviceId === removedDeviceId);
  if (removed?.signingKey) {
    const next = await teamKeyRing(generations);
    await docs.put(await sealFormer(next.current, { member: removed, until: rotated.kid }));
  }
  await writeTeam(session, rotated);
  // This device's member document stays sealed under the generation it was written with: members
  // that have not picked the new one up yet check this rotation against it.
  for (const id of [memberDocId(removedDeviceId), keyDocId(removedDeviceId), joinDocId(removedDeviceId)]) {
    await docs.remove(id);
  }
  await appendAuditQuietly(session.db, [
    { action: 'team-key-rotate', recordId: teamRecordId(rotated.kid, removedDeviceId) },
  ]);
  return rotated;
}

/**
 * Looks for a newer generation left for this device by a rotation. Accepted only from a member of
 * the team (a member document that opens under a generation held here) and only if it keeps every
 * generation this device already has. Returns the new setting, or null when there is none.
 */
export async function refreshTeamKeys(
  session: VaultSession,
  team: TeamSetting,
  baseUrl: string,
): Promise<TeamSetting | null> {
  const device = await deviceKey(session);
  const docs = new TeamDocs(baseUrl, accountOf(team));
  const found = readKeyDoc(await docs.get(keyDocId(device.deviceId)));
  if (!found || found.teamId !== team.teamId) return null;
  const members = await listMembers(team, baseUrl);
  if (!members.some((m) => m.publicKey === found.bundle.from && m.deviceId !== device.deviceId)) return null;
  const generations = await unwrapTeamKeys(
    device,
    fromBase32(found.bundle.from),
    found.bundle,
    contextOf(team.teamId, team.database),
  ).catch(() => null);
  if (!generations) return null;
  const held = generationsOf(team);
  const keepsHeld = held.every((g, i) => generations[i]?.kid === g.kid && generations[i]?.key === g.key);
  const current = generations[generations.length - 1];
  if (!keepsHeld || !current || generations.length <= held.length) return null;
  const next: TeamSetting = { ...team, kid: current.kid, key: current.key, older: generations.slice(0, -1) };
  await writeTeam(session, next);
  await appendAuditQuietly(session.db, [{ action: 'team-key-receive', recordId: teamRecordId(next.kid) }]);
  return next;
}
