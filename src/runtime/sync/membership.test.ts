// @vitest-environment node
// Joining, members and rotation against a real pouchdb-server on 127.0.0.1 (the server the browser
// tests use), with three vaults in fake-indexeddb standing in for three devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, configureAdmin, createTeam as createServerTeam } from '../../../deploy/couchdb/team-admin.mjs';
import { type PouchServer, startPouchServer } from '../../../scripts/sync-proxy.mjs';
import {
  applyRestore,
  auditSettled,
  checkBackupFile,
  createClient,
  deviceKey,
  exportBackup,
  readAuditEvents,
  TEST_KDF,
  type VaultSession,
} from '../../db';
import { KNOWN_KDFS } from '../../db/crypto/kdf';
import { isTeamEvent } from '../../db/team-audit';
import { TEST_PASSPHRASE, testDb, testVault } from '../../db/testing/fixture-db';
import { saveProfile } from '../profile/profile';
import { teamKeyRing } from './envelope';
import { JoinCryptoError, wrapTeamKeys } from './join-crypto';
import {
  acceptJoin,
  confirmJoin,
  createTeam,
  listMembers,
  offerJoin,
  pollJoin,
  refreshTeamKeys,
  removeMemberAndRotate,
  teamStatus,
} from './membership';
import { formerDocId, joinDocId, keyDoc, keyDocId, openFormer, type TeamAccount, TeamDocs } from './team-docs';
import { generationsOf, newTeamKey, readTeam, type TeamSetting } from './team-settings';

const ADMIN = { name: 'admin', password: 'membership-secret' };
const DB = 'team';
const account = (name: string): TeamAccount => ({ database: DB, username: name, password: `${name}-pw-1` });
let couch: PouchServer;
let base: string;

beforeAll(async () => {
  couch = await startPouchServer();
  base = `${couch.url}/`;
  await configureAdmin(couch.url, ADMIN);
  await createServerTeam(couch.url, ADMIN, DB);
  for (const name of ['lid-a', 'lid-b', 'lid-c', 'lid-d']) {
    await addMember(couch.url, ADMIN, DB, name, `${name}-pw-1`);
  }
}, 30_000);

afterAll(async () => {
  await couch?.stop();
});

async function device(initials: string): Promise<VaultSession> {
  const session = await testVault(testDb());
  await saveProfile(session, { roles: ['poh-ggz'], initials });
  return session;
}

async function team(session: VaultSession): Promise<TeamSetting> {
  const t = await readTeam(session);
  if (!t) throw new Error('no team');
  return t;
}

/** The whole join: the newcomer polls, both "see" the same code and confirm. */
async function join(inviter: VaultSession, newcomer: VaultSession, name: string): Promise<TeamSetting> {
  const offered = await offerJoin(inviter, await team(inviter), base, (await deviceKey(newcomer)).publicText);
  const seen = await pollJoin(newcomer, account(name), base);
  if (seen.stage !== 'offer') throw new Error('no offer');
  expect(seen.code).toBe(offered.code);
  expect(seen.ready).toBe(false);
  await confirmJoin(inviter, await team(inviter), base, offered);
  const ready = await pollJoin(newcomer, account(name), base);
  expect(ready).toMatchObject({ stage: 'offer', ready: true, code: offered.code });
  if (ready.stage !== 'offer') throw new Error('no offer');
  return acceptJoin(newcomer, account(name), base, ready.from);
}

describe('joining a team and rotating its key', () => {
  it('A makes a team, B joins through the comparison code, A removes B: C gets the new key, B does not', async () => {
    const a = await device('AA');
    const b = await device('BB');
    const c = await device('CC');

    const made = await createTeam(a, account('lid-a'), base);
    expect(made.kid).toMatch(/^g1-/);
    expect(await teamStatus(a)).toMatchObject({ kind: 'member' });

    const joinedB = await join(a, b, 'lid-b');
    expect(generationsOf(joinedB)).toEqual(generationsOf(made));
    expect(joinedB.deviceId).toBe((await deviceKey(b)).deviceId);
    // The join document is gone once imported.
    const docs = new TeamDocs(base, account('lid-a'));
    expect(await docs.get(joinDocId(joinedB.deviceId ?? ''))).toBeNull();
    const joinedC = await join(a, c, 'lid-c');
    expect((await listMembers(await team(a), base)).map((m) => m.initials).sort()).toEqual(['AA', 'BB', 'CC']);

    const rotated = await removeMemberAndRotate(a, await team(a), base, joinedB.deviceId ?? '');
    expect(rotated.kid).toMatch(/^g2-/);
    expect(generationsOf(rotated).slice(0, 1)).toEqual(generationsOf(made));
    expect((await listMembers(rotated, base)).map((m) => m.initials).sort()).toEqual(['AA', 'CC']);
    // Every member document names its device's signing key (what pulled envelopes are verified with).
    for (const m of await listMembers(rotated, base)) expect(m.signingKey).toMatch(/^[A-Z2-7]{104}$/);
    // B stays verifiable for what it signed before, as a former member up to the new generation.
    const formerB = await docs.get(formerDocId(joinedB.deviceId ?? ''));
    const former = formerB && (await openFormer(await teamKeyRing(generationsOf(rotated)), formerB));
    expect(former).toMatchObject({ member: { initials: 'BB', signingKey: (await deviceKey(b)).signingPublicText } });
    expect(former?.until).toBe(rotated.kid);

    // C picks the new generation up and keeps the old one; B finds nothing for it.
    const refreshedC = await refreshTeamKeys(c, joinedC, base);
    expect(refreshedC && generationsOf(refreshedC)).toEqual(generationsOf(rotated));
    expect(await refreshTeamKeys(b, joinedB, base)).toBeNull();
    expect(await docs.get(keyDocId(joinedB.deviceId ?? ''))).toBeNull();

    // D, added after the rotation, gets every generation (so it reads the history too).
    const d = await device('DD');
    const joinedD = await join(a, d, 'lid-d');
    expect(generationsOf(joinedD)).toEqual(generationsOf(rotated));
  }, 60_000);

  it('making, joining, adding and rotating are audited: who, when and which generation (and which device)', async () => {
    const a = await device('AA');
    const b = await device('BB');
    const c = await device('CC');
    const made = await createTeam(a, account('lid-a'), base);
    const joinedB = await join(a, b, 'lid-b');
    const joinedC = await join(a, c, 'lid-c');
    const rotated = await removeMemberAndRotate(a, await team(a), base, joinedB.deviceId ?? '');
    await refreshTeamKeys(c, joinedC, base);
    const teamEvents = async (s: VaultSession) => {
      await auditSettled(s.db);
      return (await readAuditEvents(s))
        .filter((e) => e.action.startsWith('team-'))
        .map((e) => ({
          action: e.action,
          recordId: e.recordId,
          actor: e.actor,
          dated: !Number.isNaN(Date.parse(e.ts)),
        }));
    };
    expect(await teamEvents(a)).toEqual([
      { action: 'team-create', recordId: `team:${made.kid}`, actor: 'AA', dated: true },
      { action: 'team-member-add', recordId: `team:${made.kid}:${joinedB.deviceId}`, actor: 'AA', dated: true },
      { action: 'team-member-add', recordId: `team:${made.kid}:${joinedC.deviceId}`, actor: 'AA', dated: true },
      { action: 'team-key-rotate', recordId: `team:${rotated.kid}:${joinedB.deviceId}`, actor: 'AA', dated: true },
    ]);
    expect(await teamEvents(b)).toEqual([
      { action: 'team-join', recordId: `team:${made.kid}`, actor: 'BB', dated: true },
    ]);
    expect(await teamEvents(c)).toEqual([
      { action: 'team-join', recordId: `team:${made.kid}`, actor: 'CC', dated: true },
      { action: 'team-key-receive', recordId: `team:${rotated.kid}`, actor: 'CC', dated: true },
    ]);
    // They name a record, so they travel to the team's audit days (the colleagues see them).
    const [first] = await readAuditEvents(a).then((all) => all.filter((e) => e.action === 'team-create'));
    expect(first && isTeamEvent(first)).toBe(true);
  }, 60_000);

  it('a joining device’s own clients move into the team as an audited step, one event per client', async () => {
    const a = await device('AA');
    const b = await device('BB');
    await createTeam(a, account('lid-a'), base);
    const own = [await createClient(b, { alias: 'Eigen-1' }), await createClient(b, { alias: 'Eigen-2' })];
    await auditSettled(b.db);
    const before = (await readAuditEvents(b)).filter((e) => e.action === 'team-share');
    expect(before).toEqual([]);
    await join(a, b, 'lid-b');
    await auditSettled(b.db);
    const shared = (await readAuditEvents(b)).filter((e) => e.action === 'team-share');
    expect(shared.map((e) => e.recordId).sort()).toEqual(own.map((c) => c.id).sort());
    expect(shared.every((e) => e.actor === 'BB' && isTeamEvent(e))).toBe(true);
    // The inviter's own clients were in the team from the start: nothing to move there.
    expect((await readAuditEvents(a)).filter((e) => e.action === 'team-share')).toEqual([]);
  }, 60_000);

  it('a tampered join document is refused and nothing is imported', async () => {
    const a = await device('AA');
    const e = await device('EE');
    await createTeam(a, account('lid-a'), base);
    const offered = await offerJoin(a, await team(a), base, (await deviceKey(e)).publicText);
    await confirmJoin(a, await team(a), base, offered);
    const seen = await pollJoin(e, account('lid-b'), base);
    if (seen.stage !== 'offer') throw new Error('no offer');
    // The server (or anyone with write access) flips one byte of the wrapped key.
    const docs = new TeamDocs(base, account('lid-b'));
    const doc = await docs.get(joinDocId(offered.deviceId));
    if (!doc) throw new Error('no join document');
    const body = JSON.parse(atob(doc.payload)) as { bundle: { keys: { wrapped: string }[] } };
    const first = body.bundle.keys[0];
    if (!first) throw new Error('no key');
    const raw = atob(first.wrapped);
    first.wrapped = btoa(String.fromCharCode(raw.charCodeAt(0) ^ 1) + raw.slice(1));
    await docs.put({ _id: doc._id, kid: doc.kid, v: doc.v, payload: btoa(JSON.stringify(body)) });
    await expect(acceptJoin(e, account('lid-b'), base, seen.from)).rejects.toThrow(JoinCryptoError);
    expect(await readTeam(e)).toBeNull();
  }, 30_000);

  it('keys from another inviter than the one whose code was confirmed are refused', async () => {
    const a = await device('AA');
    const mallory = await device('MM');
    const f = await device('FF');
    await createTeam(a, account('lid-a'), base);
    await createTeam(mallory, account('lid-c'), base);
    const offered = await offerJoin(a, await team(a), base, (await deviceKey(f)).publicText);
    const seen = await pollJoin(f, account('lid-b'), base);
    if (seen.stage !== 'offer') throw new Error('no offer');
    expect(seen.code).toBe(offered.code);
    // Mallory overwrites the join document with her own offer and keys after F confirmed A's code.
    const forged = await offerJoin(mallory, await team(mallory), base, (await deviceKey(f)).publicText);
    await confirmJoin(mallory, await team(mallory), base, forged);
    await expect(acceptJoin(f, account('lid-b'), base, seen.from)).rejects.toThrow(JoinCryptoError);
    expect(await readTeam(f)).toBeNull();
  }, 30_000);

  it('a rotation key written by a removed member (who still holds generation 1) is ignored', async () => {
    const a = await device('AA');
    const b = await device('BB');
    const c = await device('CC');
    await createTeam(a, account('lid-a'), base);
    const joinedB = await join(a, b, 'lid-b');
    const joinedC = await join(a, c, 'lid-c');
    await removeMemberAndRotate(a, await team(a), base, joinedB.deviceId ?? '');
    // B writes C a "rotation" to a key of its own choosing, before C fetched the real one.
    const evil = newTeamKey(2);
    const context = JSON.stringify([joinedB.teamId, DB]);
    const cKey = await deviceKey(c);
    const bundle = await wrapTeamKeys(await deviceKey(b), cKey.publicRaw, [...generationsOf(joinedB), evil], context);
    await new TeamDocs(base, account('lid-b')).put(keyDoc(cKey.deviceId, joinedB.teamId, bundle));
    expect(await refreshTeamKeys(c, joinedC, base)).toBeNull();
    expect(generationsOf(await team(c))).toEqual(generationsOf(joinedC));
  }, 30_000);

  it('a vault restored from a backup keeps the team setting but must rejoin; a colleague adds it again', async () => {
    const a = await device('AA');
    const b = await device('BB');
    await createTeam(a, account('lid-a'), base);
    const before = await join(a, b, 'lid-b');
    await auditSettled(b.db);
    const backup = await exportBackup(b);
    const verified = await checkBackupFile(b.db, backup.blob, TEST_PASSPHRASE, {
      knownKdfs: [...KNOWN_KDFS, TEST_KDF],
    });
    const restored = await applyRestore(b.db, verified, Date.now(), { previous: b });
    const status = await teamStatus(restored);
    if (status.kind !== 'rejoin') throw new Error(`expected rejoin, got ${status.kind}`);
    expect(status.deviceId).not.toBe(before.deviceId);
    const again = await join(a, restored, 'lid-b');
    expect(again.deviceId).toBe(status.deviceId);
    expect(await teamStatus(restored)).toMatchObject({ kind: 'member' });
  }, 30_000);
});
