// `npm start`: installs what is missing, builds, and serves the built app with its service worker on
// http://localhost:4173 — precompressed (brotli/gzip), with caching and security headers, as a real
// host serves it (scripts/static-server.ts; the browser tests use the same headers).
import { ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
if (run('node_modules/.bin/vite', ['build']) !== 0) process.exit(1);
// The server module is TypeScript (it shares scripts/security-headers.ts with the build): tsx loads it.
const { register } = await import('tsx/esm/api');
register();
const { listen, staticHandler } = await import('./static-server.ts');
const serveStatic = staticHandler('dist');
await listen((req, res) => serveStatic(req, res), 4173, 'localhost').catch((e) => {
  console.error(`Could not listen on localhost:4173 (${e.code ?? e.message}): is another npm start running?`);
  process.exit(1);
});
console.log('\nStapwijzer runs on http://localhost:4173 (Ctrl+C stops it).');
