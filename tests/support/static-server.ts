// A static server for the built app, owned by each browser test so a test can stop it (offline) or
// switch the folder it serves (v1 → v2 update tests). It behaves like a static host: hashed assets,
// SPA fallback to index.html for deep links, and the same security headers as `npm start`.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../scripts/security-headers.ts';
import { SYNC_PREFIX, syncProxy } from '../../scripts/sync-proxy.mjs';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  port: number;
  /** Serve another build folder from now on (same origin, so the service worker sees an update). */
  setRoot(dir: string): void;
  /** Paths that answer 404 from now on (a broken release with a missing asset). */
  failPaths: Set<string>;
  requests: string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Team sync tests: /sync/ is proxied to this server (a function, so the test can restart it). */
  syncTarget?: () => string;
}

export async function startStaticServer(
  rootDir: string,
  port = 0,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const sync = options.syncTarget ? syncProxy(options.syncTarget) : null;
  let root = resolve(rootDir);
  const failPaths = new Set<string>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    requests.push(path);
    if (sync && path.startsWith(SYNC_PREFIX)) {
      sync(req, res);
      return;
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    if (failPaths.has(path)) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403, headers).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // Deep links get the shell; a missing asset (has an extension) is a real 404.
      if (extname(path) && path !== '/') {
        res.writeHead(404, headers).end('not found');
        return;
      }
      file = join(root, 'index.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    headers['Content-Type'] = type;
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    // sw.js and index.html must never be served stale by the HTTP cache, as on a well-configured host.
    headers['Cache-Control'] = /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    setRoot: (dir) => {
      root = resolve(dir);
    },
    failPaths,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
