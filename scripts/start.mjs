// `npm start`: installs what is missing, builds, and serves the built app with its service worker on
// http://localhost:4173 — precompressed (brotli/gzip), with caching and security headers, as a real
// host serves it (scripts/static-server.ts; the browser tests use the same headers).
import { ensureDependencies, run } from './ensure.mjs';
import { startTrialTeamServer, syncProxy } from './sync-proxy.mjs';

ensureDependencies();
if (run('node_modules/.bin/vite', ['build']) !== 0) process.exit(1);
// Team sync on one machine: pouchdb-server on 127.0.0.1, reached by the app at /sync/ (same origin).
const team = await startTrialTeamServer();
const m = team.accounts.members;
// The server module is TypeScript (it shares scripts/security-headers.ts with the build): tsx loads it.
const { register } = await import('tsx/esm/api');
register();
const { listen, staticHandler } = await import('./static-server.ts');
const serveStatic = staticHandler('dist');
const proxy = syncProxy(team.url);
await listen((req, res) => proxy(req, res, () => serveStatic(req, res)), 4173, 'localhost').catch(async (e) => {
  console.error(`Could not listen on localhost:4173 (${e.code ?? e.message}): is another npm start running?`);
  await team.stop();
  process.exit(1);
});
console.log(
  `Team trial: http://localhost:4173/settings?team → "Team instellen", database "${team.accounts.database}",`,
);
console.log(`accounts ${m.map((a) => `${a.name} / ${a.password}`).join(' and ')} (in .tmp/sync-server/accounts.json).`);
console.log('\nStapwijzer runs on http://localhost:4173 (Ctrl+C stops it).');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await team.stop();
    process.exit(0);
  });
}
