// R1 at full size, by hand: `node scripts/crash-test.mjs --runs 20 --saves 1000 [--seed N]`.
// Runs tests/reliability/crash-safety.spec.ts (the CI-sized spec: 2 × 200) with the given size:
// save notes through the real vault, SIGKILL Chromium at a random moment, relaunch, check every
// acknowledged save. Needs a build (`npm run build`); the crash-harness variant is built by globalSetup.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    saves: { type: 'string', default: '1000' },
    seed: { type: 'string' },
  },
});
const env = { ...process.env, STAPWIJZER_CRASH_RUNS: values.runs, STAPWIJZER_CRASH_SAVES: values.saves };
if (values.seed) env.STAPWIJZER_CRASH_SEED = values.seed;
console.log(`R1 crash test: ${values.runs} runs × ${values.saves} saves${values.seed ? `, seed ${values.seed}` : ''}`);
const result = spawnSync(
  'node_modules/.bin/playwright',
  ['test', 'tests/reliability/crash-safety.spec.ts', '--reporter=list', '--workers=1'],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
