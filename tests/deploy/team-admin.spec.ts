// The practice admin's script (deploy/couchdb/team-admin.mjs) against pouchdb-server on 127.0.0.1:
// add-member gives an account access to the team database; remove-member takes it off `_security`
// and deletes the `_users` account (or, with --keep-account, only the first). Run as the CLI the
// README documents, with COUCHDB_URL and COUCHDB_ADMIN.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { configureAdmin } from '../../deploy/couchdb/team-admin.mjs';
import { type PouchServer, startPouchServer } from '../../scripts/sync-proxy.mjs';

const ADMIN = { name: 'admin', password: 'admin-script-secret' };
const DB = 'team_praktijk';
let couch: PouchServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  couch = await startPouchServer();
  await configureAdmin(couch.url, ADMIN);
});
test.afterAll(async () => {
  await couch.stop();
});

const run = promisify(execFile);
async function script(...args: string[]) {
  const env = { ...process.env, COUCHDB_URL: couch.url, COUCHDB_ADMIN: `${ADMIN.name}:${ADMIN.password}` };
  const { stdout } = await run(process.execPath, ['deploy/couchdb/team-admin.mjs', ...args], { env });
  return stdout.trim();
}

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
async function asMember(name: string, password: string) {
  return (await fetch(`${couch.url}/${DB}`, { headers: { Authorization: basic(name, password) } })).status;
}
async function login(name: string, password: string) {
  const res = await fetch(`${couch.url}/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  return res.status;
}
async function security() {
  const res = await fetch(`${couch.url}/${DB}/_security`, {
    headers: { Authorization: basic(ADMIN.name, ADMIN.password) },
  });
  return (await res.json()) as { members: { names: string[]; roles: string[] } };
}

test('create-team and add-member: the member reads the database; _security lists the members beside the _admin role', async () => {
  expect(await script('create-team', DB)).toBe('ok');
  expect(await script('add-member', DB, 'jdevries', 'jdv-pw-1234')).toBe('ok');
  expect(await script('add-member', DB, 'pbakker', 'pb-pw-1234')).toBe('ok');
  expect(await asMember('jdevries', 'jdv-pw-1234')).toBe(200);
  expect((await security()).members).toEqual({ names: ['jdevries', 'pbakker'], roles: ['_admin'] });
});

test('remove-member takes the member off _security and deletes the account: refused and cannot log in', async () => {
  expect(await script('remove-member', DB, 'jdevries')).toBe('ok');
  expect((await security()).members.names).toEqual(['pbakker']);
  expect(await asMember('jdevries', 'jdv-pw-1234')).not.toBe(200);
  expect(await login('jdevries', 'jdv-pw-1234')).toBe(401);
  // The other member is untouched.
  expect(await asMember('pbakker', 'pb-pw-1234')).toBe(200);
});

test('remove-member --keep-account revokes this team only: the account still logs in, the database refuses it', async () => {
  expect(await script('remove-member', DB, 'pbakker', '--keep-account')).toBe('ok');
  expect(await login('pbakker', 'pb-pw-1234')).toBe(200);
  expect(await asMember('pbakker', 'pb-pw-1234')).not.toBe(200);
  // Never an empty (public) members list: the _admin role stays.
  expect((await security()).members).toEqual({ names: [], roles: ['_admin'] });
});
