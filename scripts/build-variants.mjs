// Builds the extra releases the reliability tests serve next to dist/ (v1), once per test run:
//   .tmp/dist-v2     the next release: visible build label, every hashed file renamed
//   .tmp/dist-v3     v2 plus one more (index-only) database schema version
//   .tmp/dist-crash  v1 plus the R1 crash-harness page
// Config: tests/reliability/support/variant.vite.config.ts. A fingerprint of dist/sw.js (whose precache
// revisions change with any source change) and of the variant sources skips rebuilding when nothing
// changed. `node scripts/build-variants.mjs [--force]`; used by the Playwright globalSetup.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VARIANTS = {
  v2: { dir: '.tmp/dist-v2', env: { STAPWIJZER_BUILD_LABEL: 'v2' } },
  v3: { dir: '.tmp/dist-v3', env: { STAPWIJZER_BUILD_LABEL: 'v3', STAPWIJZER_EXTRA_SCHEMA: '1' } },
  crash: { dir: '.tmp/dist-crash', env: { STAPWIJZER_CRASH_HARNESS: '1' } },
};

const CONFIG = 'tests/reliability/support/variant.vite.config.ts';
const STAMP = '.tmp/variants.stamp';
const DIST = process.env.STAPWIJZER_DIST ?? 'dist'; // v1, as in tests/support/fixtures.ts

function fingerprint() {
  const hash = createHash('sha256');
  const files = [join(DIST, 'sw.js'), CONFIG, 'scripts/build-variants.mjs', 'vite.config.ts'];
  for (const dir of ['tests/reliability/harness']) for (const f of readdirSync(dir).sort()) files.push(join(dir, f));
  for (const f of files) hash.update(f).update(existsSync(f) ? readFileSync(f) : 'missing');
  return hash.digest('hex');
}

function build(name, { dir, env }) {
  return new Promise((ok, fail) => {
    const child = spawn(
      'node_modules/.bin/vite',
      ['build', '--config', CONFIG, '--outDir', dir, '--logLevel', 'warn'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`variant ${name} failed to build (exit ${code})`))));
  });
}

export async function buildVariants({ force = false } = {}) {
  if (!existsSync(join(DIST, 'sw.js')))
    throw new Error(`${DIST}/ is missing: run \`npm run build\` before the browser tests`);
  const print = fingerprint();
  const complete = Object.values(VARIANTS).every((v) => existsSync(join(v.dir, 'sw.js')));
  if (!force && complete && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === print) {
    return { built: false, ms: 0 };
  }
  const t0 = Date.now();
  mkdirSync('.tmp', { recursive: true });
  // Two at a time: the machine has two cores.
  const entries = Object.entries(VARIANTS);
  await Promise.all(entries.slice(0, 2).map(([n, v]) => build(n, v)));
  await Promise.all(entries.slice(2).map(([n, v]) => build(n, v)));
  writeFileSync(STAMP, print);
  return { built: true, ms: Date.now() - t0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { built, ms } = await buildVariants({ force: process.argv.includes('--force') });
  console.log(built ? `build variants: built in ${(ms / 1000).toFixed(1)} s` : 'build variants: up to date');
}
