// The /sync/ proxy of `npm start` and the browser tests (scripts/sync-proxy.mjs) enforces database
// membership itself, as CouchDB does: pouchdb-server answers `_bulk_get` to any account, `_security`
// or not (deploy/couchdb/README.md). Here, in-process: a pouchdb-server on 127.0.0.1 and the proxy
// in front of it, called as a member, a non-member, nobody, and a member removed from `_security`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { addMember, configureAdmin, createTeam, removeMember } from '../../deploy/couchdb/team-admin.mjs';
import { databaseOf, type PouchServer, refusal, startPouchServer, syncProxy } from '../../scripts/sync-proxy.mjs';

const ADMIN = { name: 'admin', password: 'membership-admin' };
const MEMBER = { name: 'lid', password: 'lid-secret-1' };
const LEAVER = { name: 'vertrekt', password: 'vertrekt-secret-1' };
const OUTSIDER = { name: 'buiten', password: 'buiten-secret-1' };
const DB = 'team';

let couch: PouchServer;
let server: Server;
let proxyUrl: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  couch = await startPouchServer();
  await configureAdmin(couch.url, ADMIN);
  await createTeam(couch.url, ADMIN, DB);
  await addMember(couch.url, ADMIN, DB, MEMBER.name, MEMBER.password);
  await addMember(couch.url, ADMIN, DB, LEAVER.name, LEAVER.password);
  await createTeam(couch.url, ADMIN, 'andere-team');
  await addMember(couch.url, ADMIN, 'andere-team', OUTSIDER.name, OUTSIDER.password);
  // No cache here, so the removal below is seen at the very next request.
  const proxy = syncProxy(couch.url, { membershipTtlMs: 0 });
  server = createServer((req, res) =>
    proxy(req, res, () => {
      res.writeHead(404);
      res.end();
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await couch.stop();
});

type Who = { name: string; password: string } | { cookie: string } | null;

async function call(base: string, who: Who, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (who && 'cookie' in who) headers.Cookie = who.cookie;
  else if (who) headers.Authorization = `Basic ${Buffer.from(`${who.name}:${who.password}`).toString('base64')}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const bulkGet = { docs: [{ id: 'renv1', rev: '1-aaaa' }] };

test('through /sync/, _bulk_get is served to a member and refused to a non-member, which pouchdb-server alone serves', async () => {
  const put = await call(`${proxyUrl}/sync`, MEMBER, 'POST', `/${DB}/_bulk_docs`, {
    new_edits: false,
    docs: [{ _id: 'renv1', _rev: '1-aaaa', _revisions: { start: 1, ids: ['aaaa'] }, kid: 'g1', v: 1, payload: 'AAAA' }],
  });
  expect(put.status).toBe(201);

  // The gap being closed: straight to pouchdb-server, the outsider gets the envelope.
  const direct = await call(couch.url, OUTSIDER, 'POST', `/${DB}/_bulk_get?revs=true`, bulkGet);
  expect(direct.status).toBe(200);
  expect(JSON.stringify(direct.body)).toContain('renv1');

  const member = await call(`${proxyUrl}/sync`, MEMBER, 'POST', `/${DB}/_bulk_get?revs=true`, bulkGet);
  expect(member.status).toBe(200);
  expect(JSON.stringify(member.body)).toContain('"payload":"AAAA"');

  const outsider = await call(`${proxyUrl}/sync`, OUTSIDER, 'POST', `/${DB}/_bulk_get?revs=true`, bulkGet);
  expect(outsider.status).toBe(403);
  expect(JSON.stringify(outsider.body)).not.toContain('AAAA');
  const nobody = await call(`${proxyUrl}/sync`, null, 'POST', `/${DB}/_bulk_get?revs=true`, bulkGet);
  expect(nobody.status).toBe(401);
  const wrong = await call(`${proxyUrl}/sync`, { ...MEMBER, password: 'fout' }, 'POST', `/${DB}/_bulk_get`, bulkGet);
  expect(wrong.status).toBe(401);
});

test('every path of the database is checked; the session cookie counts as the member; server paths pass', async () => {
  for (const path of [`/${DB}`, `/${DB}/_changes`, `/${DB}/renv1`, `/${DB}/_all_docs`, `/${DB}/_local/x`]) {
    expect((await call(`${proxyUrl}/sync`, OUTSIDER, 'GET', path)).status, path).toBe(403);
  }
  const login = await fetch(`${proxyUrl}/sync/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: MEMBER.name, password: MEMBER.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  expect(cookie).toMatch(/^AuthSession=/);
  const viaCookie = await call(`${proxyUrl}/sync`, { cookie }, 'POST', `/${DB}/_bulk_get?revs=true`, bulkGet);
  expect(viaCookie.status).toBe(200);
  expect(JSON.stringify(viaCookie.body)).toContain('renv1');

  const outsiderLogin = await fetch(`${proxyUrl}/sync/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: OUTSIDER.name, password: OUTSIDER.password }),
  });
  expect(outsiderLogin.status).toBe(200);
  const outsiderCookie = outsiderLogin.headers.get('set-cookie')?.split(';')[0] ?? '';
  const outsiderViaCookie = await call(
    `${proxyUrl}/sync`,
    { cookie: outsiderCookie },
    'POST',
    `/${DB}/_bulk_get`,
    bulkGet,
  );
  expect(outsiderViaCookie.status).toBe(403);
});

test('a member removed from _security is refused at the next request', async () => {
  expect((await call(`${proxyUrl}/sync`, LEAVER, 'POST', `/${DB}/_bulk_get`, bulkGet)).status).toBe(200);
  // Off _security only (the account stays): the proxy's membership check is what refuses. Without
  // --keep-account the account is gone as well, and the server's own 401 answers first.
  await removeMember(couch.url, ADMIN, DB, LEAVER.name, { keepAccount: true });
  expect((await call(`${proxyUrl}/sync`, LEAVER, 'POST', `/${DB}/_bulk_get`, bulkGet)).status).toBe(403);
});

test('the rule is CouchDB’s: server admins and public databases pass, names and roles admit, paths name the database', () => {
  const team = { members: { names: ['lid'], roles: ['praktijk'] }, admins: { names: [], roles: [] } };
  expect(refusal(team, { name: 'lid', roles: [] })).toBeNull();
  expect(refusal(team, { name: 'iemand', roles: ['praktijk'] })).toBeNull();
  expect(refusal(team, { name: 'beheer', roles: ['_admin'] })).toBeNull();
  expect(refusal(team, { name: 'iemand', roles: [] })).toBe(403);
  expect(refusal(team, { name: null, roles: [] })).toBe(401);
  expect(refusal({ members: { names: [], roles: [] } }, { name: null, roles: [] })).toBeNull();
  expect(databaseOf('/team/_bulk_get')).toBe('team');
  expect(databaseOf('/team?x=1')).toBe('team');
  expect(databaseOf('/_session')).toBeNull();
  expect(databaseOf('/')).toBeNull();
});
