// What `npm start` and `npm test` need before they run, installed when missing:
// node_modules (from the lockfile, with `npm ci`) and, for the browser tests, Debian's Chromium, nginx and Caddy.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/** `npm ci` in `dir` unless its node_modules is newer than its lockfile (the app's, or the bench's). */
export function ensureDependencies(dir = '.') {
  const stamp = `${dir}/node_modules/.package-lock.json`;
  const fresh = existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(`${dir}/package-lock.json`).mtimeMs;
  if (fresh) return;
  console.log(`» Installing dependencies (npm ci${dir === '.' ? '' : ` in ${dir}`})…`);
  if (run('npm', ['ci', '--no-audit', '--no-fund', '--prefix', dir]) !== 0) {
    console.error('npm ci failed: see the messages above.');
    process.exit(1);
  }
}

export function chromePath() {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

export function ensureChromium() {
  const path = chromePath();
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `Chromium not found at ${path}.\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at a Chromium or Chrome binary, then run npm test again.',
    );
    process.exit(1);
  }
  console.log('» Installing Chromium from Debian (apt-get install chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  return path;
}

/** nginx and Caddy (Debian packages), which tests/deploy/headers.spec.ts runs with the deploy/ configs. */
export function ensureWebServers() {
  const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
  const missing = ['nginx', 'caddy'].filter((bin) => !has(bin));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(
      `${missing.join(' and ')} not found (the deploy header test serves the build with them).\n` +
        `Install with:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`» Installing ${missing.join(' and ')} from Debian (apt-get install)…`);
  // Installed only, never started as services: the test runs its own instances on 127.0.0.1.
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
    stdio: 'inherit',
  });
}

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}
