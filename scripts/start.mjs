// `npm start`: installs what is missing, builds, and serves the built app with its service worker on
// http://localhost:4173 (the same server the browser tests use, with the same security headers).
import { ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
if (run('node_modules/.bin/vite', ['build']) !== 0) process.exit(1);
console.log('\nStapwijzer runs on http://localhost:4173 (Ctrl+C stops it).');
process.exit(run('node_modules/.bin/vite', ['preview', '--port', '4173', '--strictPort', '--host', 'localhost']));
