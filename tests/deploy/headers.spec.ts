// The deploy/ configurations (nginx, Caddy; generated from scripts/security-headers.ts) serve the build
// with the same security headers as `npm start`: each server is started on 127.0.0.1 and asked for the
// shell, a deep link, the service worker and a hashed asset.
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, HTTPS_HEADERS, SECURITY_HEADERS } from '../../scripts/security-headers.ts';
import { DIST } from '../support/fixtures';
import { type Running, startCaddy, startNginx, startPreview, stop } from './servers';

const SECURITY = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...SECURITY_HEADERS };

let preview: Running | undefined;
let nginx: (Running & { redirectUrl: string }) | undefined;
let caddy: Running | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  preview = await startPreview(DIST);
  nginx = await startNginx(DIST);
  caddy = await startCaddy(DIST);
});

test.afterAll(() => {
  for (const server of [preview, nginx, caddy]) stop(server);
});

async function answers(server: Running | undefined, path: string): Promise<Response> {
  if (!server) throw new Error('server not started');
  const s = server;
  // Wait for what a browser would: the server answering (it is still starting in the first request).
  await expect
    .poll(
      async () => {
        if (s.process.exitCode !== null) throw new Error(`${s.name} exited: ${s.output.join('')}`);
        return fetch(`${s.url}${path}`, { redirect: 'manual' }).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 20_000, message: `${s.name} answers ${path}` },
    )
    .toBe(200);
  return fetch(`${s.url}${path}`, { redirect: 'manual' });
}

const asset = readdirSync(`${DIST}/assets`).find((f) => f.endsWith('.js'));
const PATHS = ['/', '/clients/een-cliënt', '/sw.js', `/assets/${asset}`, '/manifest.webmanifest'];

for (const path of PATHS) {
  test(`${path}: nginx and Caddy send the same security headers as npm start`, async () => {
    const [p, n, c] = await Promise.all([answers(preview, path), answers(nginx, path), answers(caddy, path)]);
    for (const [name, value] of Object.entries(SECURITY)) {
      expect(p.headers.get(name), `npm start: ${name}`).toBe(value);
      expect(n.headers.get(name), `nginx: ${name}`).toBe(value);
      expect(c.headers.get(name), `Caddy: ${name}`).toBe(value);
    }
    // Only the HTTPS hosts add HSTS; everything else is identical.
    for (const [name, value] of Object.entries(HTTPS_HEADERS)) {
      expect(n.headers.get(name)).toBe(value);
      expect(c.headers.get(name)).toBe(value);
    }
    const type = (r: Response) => r.headers.get('content-type') ?? '';
    if (path.endsWith('.js')) for (const r of [p, n, c]) expect(type(r)).toMatch(/javascript/);
    if (!path.includes('.')) for (const r of [p, n, c]) expect(type(r)).toMatch(/text\/html/);
  });
}

test('npm start and the hosts cache hashed assets for a year and never the shell or service worker; plain HTTP redirects to HTTPS', async () => {
  for (const server of [preview, nginx, caddy]) {
    expect((await answers(server, `/assets/${asset}`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await answers(server, '/sw.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await answers(server, '/')).headers.get('cache-control')).toBe('no-cache');
  }
  const redirect = await fetch(`${nginx?.redirectUrl}/clients`, { redirect: 'manual' });
  expect(redirect.status).toBe(301);
  expect(redirect.headers.get('location')).toMatch(/^https:\/\//);
});

/** One GET with exactly this Accept-Encoding; the body as sent (fetch would decompress it). */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

test('npm start, nginx and Caddy send the precompressed files of the build as they are, with Vary: Accept-Encoding', async () => {
  // Debian's nginx has gzip_static built in; brotli_static is an extra module (deploy/nginx says how).
  const hosts: [Running | undefined, string[]][] = [
    [preview, ['br', 'gzip']],
    [nginx, ['gzip']],
    [caddy, ['br', 'gzip']],
  ];
  for (const [server, encodings] of hosts) {
    for (const path of ['/', `/assets/${asset}`, '/sw.js']) {
      await answers(server, path);
      for (const encoding of encodings) {
        const r = await rawGet(`${server?.url}${path}`, encoding);
        const file = `${DIST}${path === '/' ? '/index.html' : path}.${encoding === 'br' ? 'br' : 'gz'}`;
        expect(r.headers['content-encoding'], `${server?.name} ${path} ${encoding}`).toBe(encoding);
        expect(String(r.headers.vary), `${server?.name} ${path}`).toMatch(/Accept-Encoding/i);
        expect(r.body.equals(readFileSync(file)), `${server?.name} ${path}: the body is ${file}`).toBe(true);
      }
    }
  }
});
