// Team sync on the app's own origin (ARCHITECTURE "Team caseload"): CouchDB, or pouchdb-server on one
// machine, is reached under /sync/, so `connect-src 'self'` stays and no CORS is needed. This module
// owns the two pieces `npm start` and the browser tests share:
//   startPouchServer({ port, dir })  pouchdb-server on 127.0.0.1, data on disk under `dir` (or in memory)
//   syncProxy(target)                a (req, res, next) middleware: /sync/* → target/*, streamed both ways,
//                                    with database membership enforced as CouchDB does (see `membership`)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SYNC_PREFIX = '/sync/';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts pouchdb-server on 127.0.0.1 and resolves once it answers. `dir` keeps its LevelDB files (and
 * its config.json and log) there; without `dir` it runs in memory. `stop()` ends it (SIGTERM, then
 * SIGKILL after 3 s); `kill()` ends it at once (the tests' "server killed mid-sync").
 */
export async function startPouchServer({ port, dir, bin = 'node_modules/.bin/pouchdb-server' } = {}) {
  const actualPort = port ?? (await freePort());
  // pouchdb-server writes config.json and log.txt into its working folder: give it one of its own.
  const cwd = dir ? resolve(dir) : mkdtempSync(join(tmpdir(), 'stapwijzer-pouch-'));
  mkdirSync(cwd, { recursive: true });
  const args = ['--host', '127.0.0.1', '--port', String(actualPort), '--config', join(cwd, 'config.json')];
  args.push(...(dir ? ['--dir', join(cwd, 'data')] : ['--in-memory']));
  // Output to a file, not a pipe: `npm start` blocks its event loop in spawnSync, and a full pipe would stall the server.
  const logFile = join(cwd, 'server-output.log');
  const log = openSync(logFile, 'a');
  const child = spawn(resolve(bin), args, { cwd, stdio: ['ignore', log, log] });
  const output = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const url = `http://127.0.0.1:${actualPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${output()}`);
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server did not start in 20 s: ${output()}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const exited = new Promise((ok) => child.once('exit', ok));
  return {
    url,
    port: actualPort,
    pid: child.pid,
    output,
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One upstream GET, parsed as JSON; `status` 0 when the server does not answer. */
function getJson(base, path, headers) {
  return new Promise((ok) => {
    const r = request(
      { hostname: base.hostname, port: base.port, method: 'GET', path, headers: { ...headers, host: base.host } },
      (up) => {
        let text = '';
        up.setEncoding('utf8');
        up.on('data', (d) => {
          text += d;
        });
        up.on('end', () => {
          let body = null;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: body stays null
          }
          ok({ status: up.statusCode ?? 0, body });
        });
        up.on('error', () => ok({ status: 0, body: null }));
      },
    );
    r.on('error', () => ok({ status: 0, body: null }));
    r.end();
  });
}

/** The database a /sync/ path names (`/sync/team/_bulk_get` → `team`); null for server paths (`/_session`). */
export function databaseOf(path) {
  const first = path.slice(1).split(/[/?]/)[0] ?? '';
  if (first === '' || first.startsWith('_')) return null;
  try {
    return decodeURIComponent(first);
  } catch {
    return null;
  }
}

/**
 * CouchDB's rule for reading or writing a database, from its `_security` object and the caller's
 * `userCtx`: server admins always; anyone when both member lists are empty (a public database);
 * otherwise a name or role in `members` or `admins`. Returns the status to refuse with, or null.
 */
export function refusal(security, userCtx) {
  const roles = Array.isArray(userCtx?.roles) ? userCtx.roles : [];
  const name = typeof userCtx?.name === 'string' ? userCtx.name : null;
  if (roles.includes('_admin')) return null;
  const list = (group, key) => (Array.isArray(security?.[group]?.[key]) ? security[group][key] : []);
  const names = [...list('members', 'names'), ...list('admins', 'names')];
  const allowedRoles = [...list('members', 'roles'), ...list('admins', 'roles')];
  if (list('members', 'names').length === 0 && list('members', 'roles').length === 0) return null;
  if (name !== null && names.includes(name)) return null;
  if (roles.some((r) => allowedRoles.includes(r))) return null;
  return name === null ? 401 : 403;
}

/**
 * Membership of `db` for the caller of `req`, checked with the caller's own credentials (Basic auth
 * or the session cookie, never an admin account held by the proxy): who they are (`GET /_session`)
 * and the database's `_security`. pouchdb-server applies `_security` to most endpoints but not to
 * `_bulk_get` (deploy/couchdb/README.md); checking here, for every path of the database, makes the
 * one-machine server refuse a non-member everywhere, as CouchDB does. Returns null (allowed), a
 * refusal status, or 0 when the server does not answer (the request then goes on and gets its 502).
 */
async function membership(base, db, req) {
  const headers = { accept: 'application/json' };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  const session = await getJson(base, '/_session', headers);
  if (session.status === 0) return 0;
  if (session.status === 401) return 401; // wrong Basic credentials
  const security = await getJson(base, `/${encodeURIComponent(db)}/_security`, headers);
  if (security.status === 0) return 0;
  // Refused to read `_security` itself: not a member. As CouchDB: 403 to a known user, 401 to nobody
  // (pouchdb-server answers 401 to both).
  if (security.status === 401 || security.status === 403) return session.body?.userCtx?.name ? 403 : 401;
  if (security.status === 404) return null; // no such database: the server answers that itself
  if (security.status !== 200) return 0;
  return refusal(security.body, session.body?.userCtx);
}

const REFUSED = {
  401: { error: 'unauthorized', reason: 'You are not authorized to access this db.' },
  403: { error: 'forbidden', reason: 'You are not allowed to access this db.' },
};

/**
 * Proxies /sync/<path> to `target` (e.g. http://127.0.0.1:5984): method, headers and body streamed
 * through; the session cookie is scoped to /sync/. An unreachable server answers 502, which the app
 * reports as "server niet bereikbaar". `target` may be a function, so a test can restart the server.
 * Every path of a database is checked for membership first (`membership`); the answer is cached
 * per caller and database for `membershipTtlMs` (a replication makes many requests a second), so a
 * member removed from `_security` is refused within that time.
 */
export function syncProxy(target, { membershipTtlMs = 2000 } = {}) {
  /** `${server}\n${db}\n${authorization}\n${cookie}` → { until, status } */
  const cache = new Map();
  async function check(base, db, req) {
    const key = `${base.host}\n${db}\n${req.headers.authorization ?? ''}\n${req.headers.cookie ?? ''}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.status;
    const status = await membership(base, db, req);
    if (cache.size > 1000) cache.clear();
    // An unanswered check is not cached: the next request asks again.
    if (status !== 0 && membershipTtlMs > 0) cache.set(key, { until: now + membershipTtlMs, status });
    return status;
  }
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (!url.startsWith(SYNC_PREFIX) && url !== '/sync') return next?.();
    const base = new URL(typeof target === 'function' ? target() : target);
    const path = `/${url.slice(SYNC_PREFIX.length)}`;
    const db = databaseOf(path);
    if (db === null) {
      forward(req, res, base, path);
      return;
    }
    check(base, db, req).then(
      (status) => {
        if (status === 401 || status === 403) {
          req.resume(); // the body is not wanted
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(REFUSED[status]));
          return;
        }
        forward(req, res, base, path);
      },
      () => forward(req, res, base, path),
    );
  };
}

/** Streams one request to the team server and its answer back. */
function forward(req, res, base, path) {
  const headers = { ...req.headers, host: base.host };
  delete headers.origin; // same origin by construction: never let the server apply CORS
  delete headers.referer;
  const upstream = request({ hostname: base.hostname, port: base.port, method: req.method, path, headers }, (up) => {
    const out = { ...up.headers };
    const cookie = out['set-cookie'];
    if (cookie) out['set-cookie'] = cookie.map((c) => c.replace(/Path=\/(;|$)/i, 'Path=/sync/$1'));
    for (const h of Object.keys(out)) if (h.startsWith('access-control-')) delete out[h];
    res.writeHead(up.statusCode ?? 502, out);
    up.pipe(res);
  });
  upstream.on('error', () => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'unreachable', reason: 'The team server does not answer.' }));
  });
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
}

/** A Vite plugin: the preview server (`npm start`) proxies /sync/ when STAPWIJZER_SYNC_TARGET is set. */
export function syncProxyPlugin() {
  return {
    name: 'stapwijzer-sync-proxy',
    configurePreviewServer(server) {
      const target = process.env.STAPWIJZER_SYNC_TARGET;
      if (target) server.middlewares.use(syncProxy(target));
    },
  };
}

/**
 * `npm start`'s team server: pouchdb-server with its data under .tmp/sync-server (git-ignored), one
 * team database `team` and two member accounts, so a person can try a team with two browser profiles.
 * The accounts are made once and kept in .tmp/sync-server/accounts.json (local trial only).
 */
export async function startTrialTeamServer(dir = '.tmp/sync-server') {
  const { configureAdmin, createTeam, addMember } = await import('../deploy/couchdb/team-admin.mjs');
  const { existsSync, writeFileSync } = await import('node:fs');
  const { randomBytes } = await import('node:crypto');
  const file = join(resolve(dir), 'accounts.json');
  mkdirSync(resolve(dir), { recursive: true });
  const secret = () => randomBytes(9).toString('base64url');
  const accounts = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {
        admin: { name: 'admin', password: secret() },
        database: 'team',
        members: [
          { name: 'lid-1', password: secret() },
          { name: 'lid-2', password: secret() },
        ],
      };
  writeFileSync(file, JSON.stringify(accounts, null, 2));
  const server = await startPouchServer({ dir });
  await configureAdmin(server.url, accounts.admin);
  await createTeam(server.url, accounts.admin, accounts.database);
  for (const m of accounts.members) await addMember(server.url, accounts.admin, accounts.database, m.name, m.password);
  return { ...server, accounts };
}
