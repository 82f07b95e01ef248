// `npm start`: installs what is missing, builds, and serves the built app with its service worker on
// http://localhost:4173 (the same server the browser tests use, with the same security headers).
import { ensureDependencies, run } from './ensure.mjs';
import { startTrialTeamServer } from './sync-proxy.mjs';

ensureDependencies();
if (run('node_modules/.bin/vite', ['build']) !== 0) process.exit(1);
// Team sync on one machine: pouchdb-server on 127.0.0.1, reached by the app at /sync/ (same origin).
const team = await startTrialTeamServer();
process.env.STAPWIJZER_SYNC_TARGET = team.url;
const m = team.accounts.members;
console.log(`Team trial: Instellingen → Werken als team, database "${team.accounts.database}",`);
console.log(`accounts ${m.map((a) => `${a.name} / ${a.password}`).join(' and ')} (in .tmp/sync-server/accounts.json).`);
console.log('\nStapwijzer runs on http://localhost:4173 (Ctrl+C stops it).');
const code = run('node_modules/.bin/vite', ['preview', '--port', '4173', '--strictPort', '--host', 'localhost']);
await team.stop();
process.exit(code);
