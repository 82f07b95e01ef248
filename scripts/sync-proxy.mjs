// Team sync on the app's own origin (ARCHITECTURE "Team caseload"): CouchDB, or pouchdb-server on one
// machine, is reached under /sync/, so `connect-src 'self'` stays and no CORS is needed. This module
// owns the two pieces `npm start` and the browser tests share:
//   startPouchServer({ port, dir })  pouchdb-server on 127.0.0.1, data on disk under `dir` (or in memory)
//   syncProxy(target)                a (req, res, next) middleware: /sync/* → target/*, streamed both ways
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

/**
 * Proxies /sync/<path> to `target` (e.g. http://127.0.0.1:5984): method, headers and body streamed
 * through; the session cookie is scoped to /sync/. An unreachable server answers 502, which the app
 * reports as "server niet bereikbaar". `target` may be a function, so a test can restart the server.
 */
export function syncProxy(target) {
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (!url.startsWith(SYNC_PREFIX) && url !== '/sync') return next?.();
    const base = new URL(typeof target === 'function' ? target() : target);
    const path = `/${url.slice(SYNC_PREFIX.length)}`;
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
  };
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
