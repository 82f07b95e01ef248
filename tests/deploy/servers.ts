// Starts the three ways the build is served — `npm start` (scripts/static-server.ts), nginx and Caddy with the
// deploy/ configurations — on 127.0.0.1, for the header comparison. The deploy files are used as
// written; only what loopback needs is changed: ports, the dist path, no TLS (certificates are the
// host's), Caddy's admin endpoint off.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXAMPLE_HOST, EXAMPLE_ROOT, SYNC_UPSTREAM } from '../../scripts/deploy-configs.ts';

export interface Running {
  name: string;
  url: string;
  process: ChildProcess;
  output: string[];
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

function start(name: string, url: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  return { name, url, process: child, output };
}

/**
 * The server `npm start` runs (scripts/static-server.ts), on the given build folder; `syncUpstream`:
 * where /sync/ goes (a test's pouchdb-server), as `npm start` sets it.
 */
export async function startPreview(dist: string, syncUpstream?: string): Promise<Running> {
  const port = await freePort();
  return start(
    'npm start (scripts/static-server.ts)',
    `http://127.0.0.1:${port}`,
    'node_modules/.bin/tsx',
    ['scripts/static-server.ts', `--root=${dist}`, `--port=${port}`, '--host=127.0.0.1'],
    syncUpstream ? { STAPWIJZER_SYNC_TARGET: syncUpstream } : {},
  );
}

export async function startNginx(
  dist: string,
  syncUpstream = SYNC_UPSTREAM,
): Promise<Running & { redirectUrl: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'stapwijzer-nginx-'));
  const [http, https] = [await freePort(), await freePort()];
  const site = readFileSync('deploy/nginx/stapwijzer.conf', 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${https};`)
    .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
    .replace(/^\s*ssl_certificate.*$/gm, '')
    .replace(EXAMPLE_ROOT, resolve(dist))
    .replace(SYNC_UPSTREAM, syncUpstream);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const conf = `${isRoot ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${site}
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const running = start('nginx', `http://127.0.0.1:${https}`, 'nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')]);
  return { ...running, redirectUrl: `http://127.0.0.1:${http}` };
}

export async function startCaddy(dist: string, syncUpstream = SYNC_UPSTREAM): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'stapwijzer-caddy-'));
  const port = await freePort();
  const site = readFileSync('deploy/caddy/Caddyfile', 'utf8')
    .replace(`${EXAMPLE_HOST} {`, `http://127.0.0.1:${port} {`)
    .replace(EXAMPLE_ROOT, resolve(dist))
    .replace(SYNC_UPSTREAM.replace('http://', ''), syncUpstream.replace('http://', ''));
  writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n\n${site}`);
  return start(
    'Caddy',
    `http://127.0.0.1:${port}`,
    'caddy',
    ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'],
    { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  );
}

export function stop(running: Running | undefined): void {
  if (running?.process.exitCode === null) running.process.kill('SIGTERM');
}
