// `npm test`: the one gate, the same locally and in CI (.ci/run). Installs what is missing, then
// typecheck → lint → unit and component tests → build → precache and browser tests, and ends with
// the plain line "N passed, N failed" counting every test that ran.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureDependencies, ensureWebServers, run } from './ensure.mjs';

const started = Date.now();
ensureDependencies();
process.env.CHROME_PATH = ensureChromium();
ensureWebServers();
mkdirSync('reports', { recursive: true });

let passed = 0;
let failed = 0;
const bin = (name) => `node_modules/.bin/${name}`;

function step(title, cmd, args) {
  console.log(`\n» ${title}`);
  const t0 = Date.now();
  const status = run(cmd, args);
  console.log(`  ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return status === 0;
}

function finish() {
  console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// Checks that are not tests still count: a failing one adds a failure, so the closing line never
// reads "0 failed" on a red run.
const checks = [
  ['Typecheck (app, tests, scripts)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['Typecheck (src/domain without DOM)', bin('tsc'), ['--noEmit', '-p', 'src/domain/tsconfig.json']],
  ['Lint, format and imports (biome check)', bin('biome'), ['check', '.']],
  ['Layer rules (dependency-cruiser)', bin('depcruise'), ['src/**/*.{ts,tsx}', '--config', '.dependency-cruiser.cjs']],
];
for (const [title, cmd, args] of checks) if (!step(title, cmd, args)) failed += 1;

rmSync('reports/vitest.json', { force: true });
step('Unit and component tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
if (existsSync('reports/vitest.json')) {
  const r = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.success || r.numFailedTests > 0 ? 0 : 1);
} else failed += 1;

if (!step('Build (vite build)', bin('vite'), ['build'])) {
  failed += 1;
  finish();
}

rmSync('reports/playwright.json', { force: true });
step('Precache and browser tests (Playwright + Chromium)', bin('playwright'), ['test']);
if (existsSync('reports/playwright.json')) {
  const s = JSON.parse(readFileSync('reports/playwright.json', 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
} else failed += 1;

finish();
