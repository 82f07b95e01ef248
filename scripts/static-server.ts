// The server `npm start` runs (scripts/start.mjs): the built app as a real static host serves it.
// - Precompressed files (scripts/precompress.ts writes .br and .gz at build time) chosen by the
//   request's Accept-Encoding (brotli, then gzip, then the file itself), with `Vary: Accept-Encoding`.
// - Caching: hashed files under /assets/ for a year (immutable); everything else (index.html, sw.js,
//   the manifest, icons) `no-cache`, revalidated by ETag, so an update is seen on the next load.
// - The security headers of scripts/security-headers.ts on every response, as nginx and Caddy send them.
// - Deep links (no file extension) get the app shell; a missing file with an extension is a real 404.
// `staticHandler(root)` is a plain (req, res) handler, so start.mjs can put other routes in front of it.
import { createReadStream, type Stats, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers.ts';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The encodings this server has files for, best first, with the file suffix each is stored under. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Parses Accept-Encoding into name → q (RFC 9110 §12.5.3); `*` stands for every encoding not named. */
export function acceptedEncodings(header: string | undefined): (name: string) => boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  return (name) => (q.get(name) ?? q.get('*') ?? 0) > 0;
}

function fileStat(path: string): Stats | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

export function staticHandler(rootDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(rootDir);
  return (req, res) => {
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    let stats = fileStat(file);
    if (!stats) {
      if (extname(path)) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      file = join(root, 'index.html'); // a deep link (or /): the app shell
      stats = fileStat(file);
      if (!stats) {
        res.writeHead(404, headers).end('no build: run npm run build');
        return;
      }
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    headers['Content-Type'] = type;
    headers['Cache-Control'] = path.startsWith('/assets/') ? IMMUTABLE : 'no-cache';

    // The best precompressed variant the client accepts and the build has.
    const accepts = acceptedEncodings(req.headers['accept-encoding']);
    let body = file;
    let size = stats.size;
    let encoding = 'identity';
    const variants = ENCODINGS.map((e) => ({ ...e, stats: fileStat(file + e.suffix) }));
    for (const v of variants) {
      if (v.stats && accepts(v.name)) {
        body = file + v.suffix;
        size = v.stats.size;
        encoding = v.name;
        break;
      }
    }
    if (variants.some((v) => v.stats)) headers.Vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    // Weak validator of the file's version and the encoding sent (a gzip body is not a brotli body).
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}-${encoding}"`;
    headers.ETag = etag;
    headers['Last-Modified'] = stats.mtime.toUTCString();
    if ((req.headers['if-none-match'] ?? '').split(',').some((t) => t.trim() === etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['Content-Length'] = String(size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(body).pipe(res);
  };
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Listens with `handler` (default: the static handler for `root`); port 0 picks a free port. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host = 'localhost',
): Promise<RunningServer> {
  const server = createServer(handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// Run directly (the deploy header test does): tsx scripts/static-server.ts [--root=dist] [--port=4173] [--host=localhost]
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const arg = (name: string, fallback: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const serveStatic = staticHandler(arg('root', 'dist'));
  // With STAPWIJZER_SYNC_TARGET set (the deploy tests), /sync/ goes to that team server, as in npm start.
  const target = process.env.STAPWIJZER_SYNC_TARGET;
  const { syncProxy } = await import('./sync-proxy.mjs');
  const proxy = target ? syncProxy(target) : null;
  const running = await listen(
    (req, res) => (proxy ? proxy(req, res, () => serveStatic(req, res)) : serveStatic(req, res)),
    Number(arg('port', '4173')),
    arg('host', 'localhost'),
  );
  console.log(`serving ${arg('root', 'dist')} on ${running.url}`);
}
