// /sync/ on the app's own origin in all three ways the build is served (`npm start`'s preview, the
// nginx and Caddy configurations of deploy/): each proxies to a pouchdb-server on 127.0.0.1, scopes the
// session cookie to /sync/, sends no CORS headers, and still serves the app shell for deep links.
import { expect, test } from '@playwright/test';
import { configureAdmin, createTeam } from '../../deploy/couchdb/team-admin.mjs';
import { type PouchServer, startPouchServer } from '../../scripts/sync-proxy.mjs';
import { DIST } from '../support/fixtures';
import { type Running, startCaddy, startNginx, startPreview, stop } from './servers';

const ADMIN = { name: 'admin', password: 'proxy-test-secret' };
let couch: PouchServer | undefined;
let servers: Running[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  couch = await startPouchServer();
  await configureAdmin(couch.url, ADMIN);
  await createTeam(couch.url, ADMIN, 'team');
  servers = [await startPreview(DIST, couch.url), await startNginx(DIST, couch.url), await startCaddy(DIST, couch.url)];
});

test.afterAll(async () => {
  for (const s of servers) stop(s);
  await couch?.stop();
});

async function ready(s: Running): Promise<void> {
  await expect
    .poll(
      async () => {
        if (s.process.exitCode !== null) throw new Error(`${s.name} exited: ${s.output.join('')}`);
        return fetch(`${s.url}/sync/`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 20_000, message: `${s.name} answers /sync/` },
    )
    .toBe(200);
}

test('each server proxies /sync/ to the team server, with the session cookie scoped to /sync/ and no CORS', async () => {
  for (const s of servers) {
    await ready(s);
    const welcome = (await (await fetch(`${s.url}/sync/`)).json()) as Record<string, unknown>;
    expect(welcome, s.name).toHaveProperty('express-pouchdb');

    const login = await fetch(`${s.url}/sync/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://elders.example' },
      body: JSON.stringify({ name: ADMIN.name, password: ADMIN.password }),
    });
    expect(login.status, s.name).toBe(200);
    expect(login.headers.get('set-cookie'), s.name).toMatch(/AuthSession=[^;]+;.*Path=\/sync\//);
    expect(login.headers.get('access-control-allow-origin'), s.name).toBeNull();

    const closed = await fetch(`${s.url}/sync/team/_all_docs`);
    expect(closed.status, `${s.name}: the team database without an account`).toBe(401);

    const deep = await fetch(`${s.url}/clients/een-client`);
    expect(deep.status, s.name).toBe(200);
    expect(await deep.text(), s.name).toContain('<div id="root">');
  }
});
