// The server `npm start` runs (scripts/static-server.ts) on a small build folder made here and
// precompressed by the build's own step (scripts/precompress.ts): the encoding follows Accept-Encoding,
// the body is the precompressed file byte for byte, and the caching and security headers are a real
// host's. No browser: plain HTTP requests, so the exact Accept-Encoding is under the test's control.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { precompressDir } from '../../scripts/precompress.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../scripts/security-headers.ts';
import { IMMUTABLE, listen, type RunningServer, staticHandler } from '../../scripts/static-server.ts';

const SHELL = `<!doctype html><html lang="nl"><head><title>Stapwijzer</title></head><body>${'<p>shell</p>'.repeat(50)}</body></html>`;
const SCRIPT = `export const x = ${JSON.stringify('stapwijzer '.repeat(400))};\n`;
const FILES: Record<string, string> = {
  'index.html': SHELL,
  'sw.js': `self.addEventListener('install', () => {}); // ${'sw '.repeat(200)}`,
  'manifest.webmanifest': JSON.stringify({
    name: 'Stapwijzer',
    short_name: 'Stapwijzer',
    icons: [],
    pad: 'x'.repeat(500),
  }),
  'assets/index-AbC123xy.js': SCRIPT,
  'assets/index-AbC123xy.css': `body { margin: 0; } ${'.a { color: red; } '.repeat(100)}`,
  'robots.txt': 'x', // too small to gain from compression: no variant is written
  '.vite/manifest.json': JSON.stringify({ pad: 'x'.repeat(500) }),
};

let root = '';
let server: RunningServer;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'stapwijzer-static-'));
  for (const [path, body] of Object.entries(FILES)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  await precompressDir(root);
  server = await listen(staticHandler(root), 0, '127.0.0.1');
});

test.afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One GET with exactly these request headers; the body as sent (not decompressed). */
function raw(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((ok, fail) => {
    get(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

test('the build step writes .br and .gz only where they are smaller, and not for build metadata', () => {
  for (const path of ['index.html', 'sw.js', 'manifest.webmanifest', 'assets/index-AbC123xy.js']) {
    expect(existsSync(join(root, `${path}.br`)), `${path}.br`).toBe(true);
    expect(existsSync(join(root, `${path}.gz`)), `${path}.gz`).toBe(true);
  }
  expect(existsSync(join(root, 'robots.txt.gz'))).toBe(false);
  expect(existsSync(join(root, '.vite/manifest.json.br'))).toBe(false);
});

test('brotli when accepted, else gzip, else the file itself; each body is the file on disk, with Vary', async () => {
  const path = '/assets/index-AbC123xy.js';
  const file = join(root, path);
  const cases: [string | undefined, string | undefined, string][] = [
    ['gzip, deflate, br, zstd', 'br', `${file}.br`],
    ['gzip, deflate', 'gzip', `${file}.gz`],
    ['br;q=0, gzip;q=0.8', 'gzip', `${file}.gz`],
    ['*', 'br', `${file}.br`],
    ['identity', undefined, file],
    [undefined, undefined, file],
  ];
  for (const [accept, encoding, sent] of cases) {
    const r = await raw(path, accept === undefined ? {} : { 'Accept-Encoding': accept });
    expect(r.status, String(accept)).toBe(200);
    expect(r.headers['content-encoding'], String(accept)).toBe(encoding);
    expect(r.headers.vary, String(accept)).toBe('Accept-Encoding');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.body.equals(readFileSync(sent)), `${accept}: body is ${sent}`).toBe(true);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
  }
  const br = await raw(path, { 'Accept-Encoding': 'br' });
  expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
  const gz = await raw('/', { 'Accept-Encoding': 'gzip' });
  expect(gunzipSync(gz.body).toString()).toBe(SHELL);
});

test('hashed assets are cached for a year; the shell, deep links, sw.js and the manifest are revalidated', async () => {
  const expected: [string, string, string][] = [
    ['/assets/index-AbC123xy.js', IMMUTABLE, 'text/javascript; charset=utf-8'],
    ['/assets/index-AbC123xy.css', IMMUTABLE, 'text/css; charset=utf-8'],
    ['/', 'no-cache', 'text/html; charset=utf-8'],
    ['/index.html', 'no-cache', 'text/html; charset=utf-8'],
    ['/clients/een-cliënt', 'no-cache', 'text/html; charset=utf-8'],
    ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json'],
    ['/robots.txt', 'no-cache', 'text/plain; charset=utf-8'],
  ];
  for (const [path, cache, type] of expected) {
    const r = await raw(encodeURI(path), { 'Accept-Encoding': 'gzip, br' });
    expect(r.status, path).toBe(200);
    expect(r.headers['cache-control'], path).toBe(cache);
    expect(r.headers['content-type'], path).toBe(type);
    expect(r.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(r.headers[name.toLowerCase()], path).toBe(value);
  }
  const deep = await raw(encodeURI('/clients/een-cliënt'), { 'Accept-Encoding': 'gzip' });
  expect(gunzipSync(deep.body).toString()).toBe(SHELL);
  // robots.txt has no variant: sent as is, and nothing varies.
  const robots = await raw('/robots.txt', { 'Accept-Encoding': 'gzip, br' });
  expect(robots.headers['content-encoding']).toBeUndefined();
  expect(robots.headers.vary).toBeUndefined();
});

test('a revalidation with the ETag of the same encoding answers 304 without a body', async () => {
  const first = await raw('/sw.js', { 'Accept-Encoding': 'br' });
  const etag = String(first.headers.etag);
  const again = await raw('/sw.js', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  // Another encoding is another representation: a full answer.
  const gzip = await raw('/sw.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
  expect(gzip.status).toBe(200);
  expect(gzip.headers['content-encoding']).toBe('gzip');
});

test('a missing asset is a 404, a path out of the build folder a 403, and only GET and HEAD are served', async () => {
  expect((await raw('/assets/missing-123.js')).status).toBe(404);
  expect((await raw('/..%2fpackage.json')).status).toBe(403);
  const post = await new Promise<number>((ok, fail) => {
    const req = request(`${server.url}/`, { method: 'POST' }, (res) => ok(res.statusCode ?? 0));
    req.on('error', fail);
    req.end();
  });
  expect(post).toBe(405);
});
