// `npm run bench`: the performance bench (issue 8), separate from the tests. Run after `npm test` (which
// installs Chromium). Builds what it measures in this run — the production build (.tmp/bench-prod, same
// config as `npm run build`), the bench variant with the seeding page (.tmp/dist-bench) and the FLOOR app
// (.tmp/floor-dist) — then runs the browser figures, Lighthouse and the Node benches, and prints every
// figure next to its goal. Writes reports/bench.json. Options: --dist=DIR (measure an existing build
// instead), --reps=N (cold starts, default 3), --runs=N (search/timeline/micro, default 5),
// --lighthouse-runs=N (default 1), --skip-node, --skip-sync (no team-sync figures), --reuse (keep seeded profiles; for bench development).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies } from './ensure.mjs';

const started = Date.now();
const argv = process.argv.slice(2);
const opt = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const flag = (name) => argv.includes(`--${name}`);
const DIST = opt('dist', '.tmp/bench-prod');
const BENCH_DIST = '.tmp/dist-bench';
const FLOOR_DIST = '.tmp/floor-dist';
const OUT_DIR = '.tmp/bench';
const bin = (name) => `node_modules/.bin/${name}`;
// The app's dependencies, then the bench's own (Lighthouse; scripts/bench/package.json), then Chromium.
ensureDependencies();
ensureDependencies('scripts/bench');
process.env.CHROME_PATH = ensureChromium();
mkdirSync(OUT_DIR, { recursive: true });
mkdirSync('reports', { recursive: true });

/** Runs a command; resolves with its stdout (also echoed) or rejects on a non-zero exit. */
function run(cmd, args, { env = {}, quiet = false, stderr = 'inherit' } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', stderr] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    child.on('exit', (code) =>
      code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function timed(title, fn) {
  const t0 = Date.now();
  console.log(`» ${title}`);
  const out = await fn();
  console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

const htmlFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));

// 1. Builds (two at a time: the machine has two cores).
const prodEnv = { STAPWIJZER_BENCH: '' };
await timed('Builds: production, bench variant, floor', async () => {
  const builds = [
    run(bin('vite'), ['build', '--config', 'scripts/bench/floor/vite.config.ts', '--logLevel', 'warn']),
    run(bin('vite'), ['build', '--logLevel', 'warn'], { env: { STAPWIJZER_BENCH: '1' } }),
  ];
  if (DIST === '.tmp/bench-prod') {
    await builds[0];
    builds.push(run(bin('vite'), ['build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { env: prodEnv }));
  }
  await Promise.all(builds);
});

// The seeding page exists only in the bench variant: never in a production build.
const leaks = [DIST, 'dist']
  .filter((d) => existsSync(d))
  .flatMap((d) => htmlFiles(d).filter((f) => f.includes('bench-seed')));
if (leaks.length > 0) throw new Error(`bench-only page found in a production build: ${leaks.join(', ')}`);
if (!htmlFiles(BENCH_DIST).some((f) => f.includes('bench-seed'))) throw new Error('bench variant has no seeding page');
console.log(`  checked: no bench-seed.html in ${[DIST, 'dist'].filter((d) => existsSync(d)).join(' or ')}`);

// 2. Browser figures, 3. Lighthouse, 4. Node benches.
const reps = opt('reps', '3');
const runs = opt('runs', '5');
const tsx = bin('tsx');
await timed('Browser: first screen, offline cold start, search, timeline, unlock, final save', () =>
  run(tsx, [
    'scripts/bench/browser.ts',
    `--dist=${DIST}`,
    `--bench-dist=${BENCH_DIST}`,
    `--floor-dist=${FLOOR_DIST}`,
    `--out=${OUT_DIR}/browser.json`,
    `--reps=${reps}`,
    `--runs=${runs}`,
    ...(flag('reuse') ? ['--reuse'] : []),
  ]),
);
await timed('Lighthouse 13 (mobile)', () =>
  run(tsx, [
    'scripts/bench/lighthouse.ts',
    `--dist=${DIST}`,
    `--out=${OUT_DIR}/lighthouse.json`,
    `--runs=${opt('lighthouse-runs', '1')}`,
  ]),
);
// Team sync (issue 19): a pouchdb-server seeded with the bench caseload as envelopes, two fresh devices.
const SYNC_OUT = `${OUT_DIR}/team-sync.json`;
if (!flag('skip-sync')) {
  await timed('Team sync: first sync of 2,000 clients / 20,000 screenings, save on A seen on B', () =>
    run(tsx, ['scripts/bench/team-sync.ts', `--dist=${DIST}`, `--out=${SYNC_OUT}`, `--runs=${runs}`]),
  );
}
const node = {};
if (!flag('skip-node')) {
  for (const script of ['bench-engine', 'bench-vault', 'bench-backup']) {
    if (!existsSync(`scripts/${script}.ts`)) {
      node[script] = null;
      continue;
    }
    node[script] = (
      await timed(`Node + fake-indexeddb: scripts/${script}.ts`, () =>
        run(tsx, [`scripts/${script}.ts`], { quiet: true }),
      )
    )
      .split('\n')
      .map((l) => l.trimEnd())
      .filter(Boolean);
  }
}

// 5. The table.
const browser = JSON.parse(readFileSync(`${OUT_DIR}/browser.json`, 'utf8'));
const lighthouse = JSON.parse(readFileSync(`${OUT_DIR}/lighthouse.json`, 'utf8'));
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const ms = (x) => (x === undefined || x === null ? 'n/a' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`);
const rows = [];
const row = (figure, value, goal, pass) =>
  rows.push({ figure, value, goal, status: pass === null ? '' : pass ? 'ok' : 'MISS' });

const fs = browser.firstScreen;
const floor = fs.floor.gzip;
row('First screen JS+CSS gzip: floor app', kB(floor), 'reference', null);
for (const [key, label] of [
  ['firstUse', 'first use (onboarding)'],
  ['locked', 'locked (vault exists)'],
]) {
  const ratio = fs[key].gzip / floor;
  row(
    `First screen JS+CSS gzip: ${label}`,
    `${kB(fs[key].gzip)} = ${ratio.toFixed(2)}× floor`,
    '≤ 1.30× floor',
    ratio <= 1.3,
  );
  if (fs[key].cls !== undefined) {
    const culprits = [...new Set(fs[key].shifts.map((x) => `${x.node} @${x.at} ms`))].join(', ');
    row(
      '  layout shift on that screen (CLS, until SW ready)',
      `${fs[key].cls}${culprits ? ` (${culprits})` : ''}`,
      'info (≤ 0.1 is "good")',
      null,
    );
  }
}
row('  layout shift on the floor app (CLS)', String(fs.floor.cls ?? 'n/a'), 'info', null);
const lh = lighthouse.plain.median;
row(
  'Lighthouse performance (static server, uncompressed)',
  lh.scores.performance,
  '≥ 0.97',
  lh.scores.performance >= 0.97,
);
row('Lighthouse accessibility', lh.scores.accessibility, '1', lh.scores.accessibility === 1);
row('Lighthouse best practices', lh.scores['best-practices'], '1', lh.scores['best-practices'] === 1);
const lhz = lighthouse.gzip.median;
row('Lighthouse performance (same build behind a gzip proxy)', lhz.scores.performance, 'info', null);
const cs = browser.coldStart;
const coldRatio = cs.caseload.totalMs / cs.empty.totalMs;
row(
  `Offline cold start → home with ${browser.seed.expectedDue} follow-ups (median of ${cs.caseload.runs.length})`,
  `${ms(cs.caseload.totalMs)} vs empty ${ms(cs.empty.totalMs)} = ${coldRatio.toFixed(2)}×`,
  '≤ 1.20× empty',
  coldRatio <= 1.2,
);
row(
  '  navigation → lock screen visible',
  `${ms(cs.caseload.lockVisibleMs)} (empty ${ms(cs.empty.lockVisibleMs)})`,
  'part',
  null,
);
row(
  '  unlock submit → home with follow-ups',
  `${ms(cs.caseload.unlockToHomeMs)} (empty ${ms(cs.empty.unlockToHomeMs)})`,
  'part',
  null,
);
const cl = browser.clients;
row('Client list open, 2,000 clients (in-page)', ms(cl.listOpenMs), 'info', null);
row(
  `Client search, 2,000 clients (median of ${cl.search.length}, in-page)`,
  ms(cl.searchMedianMs),
  '≤ 100 ms',
  cl.searchMedianMs <= 100,
);
row(
  `Timeline open (median of ${cl.timeline.length}, in-page)`,
  ms(cl.timelineMedianMs),
  '≤ 100 ms',
  cl.timelineMedianMs <= 100,
);
if (browser.indicators) {
  row(
    `Praktijkcijfers open offline, 2,000 clients / 20,000 screenings (median of ${browser.indicators.runs.length}, in-page)`,
    ms(browser.indicators.medianMs),
    '≤ 1000 ms',
    browser.indicators.medianMs <= 1000,
  );
}
const dr = browser.dataReads;
if (dr) {
  row('  data layer: listClients, 2,000 decrypted (in-page)', ms(dr.listClientsMs), 'info', null);
  row('  search: fold + filter 2,000 in memory (matchesClient)', ms(dr.filterOnlyMs), 'info', null);
  row(
    "  search: sort all 2,000 by alias (localeCompare 'nl', as the page does)",
    ms(dr.foldAndSortAllMs),
    'info',
    null,
  );
  row('  search: the same sort with one shared Intl.Collator', ms(dr.sortAllWithCollatorMs), 'info', null);
  row('  data layer: one client history (6 reads, decrypted)', ms(dr.clientHistoryMs), 'info', null);
  row('  data layer: getPackVersion (whole pack row)', ms(dr.getPackVersionMs), 'info', null);
  row('  data layer: home due list + aliases', ms(dr.homeDueMs), 'info', null);
  if (dr.indicatorReadsMs !== undefined) {
    row('  Praktijkcijfers: read + decrypt the whole caseload (in-page)', ms(dr.indicatorReadsMs), 'info', null);
    row('  Praktijkcijfers: computeIndicators over it (in-page)', ms(dr.indicatorComputeMs), 'info', null);
  }
  row(
    `  data layer: home backup reminder input (loadReminderInput, ${dr.auditEvents} audit events)`,
    ms(dr.backupReminderInputMs),
    'info',
    null,
  );
}
if (!flag('skip-sync') && existsSync(SYNC_OUT)) {
  const ts = JSON.parse(readFileSync(SYNC_OUT, 'utf8'));
  row(
    `Team sync: first sync onto a fresh device, ${ts.firstSyncCounts.clients} clients / ${ts.firstSyncCounts.screenings} screenings (progress shown)`,
    ms(ts.firstSyncMs),
    '≤ 60 s',
    ts.firstSyncMs <= 60_000,
  );
  row('  the same onto a second device while the first is live', ms(ts.secondDeviceFirstSyncMs), 'info', null);
  row(
    `Team sync: a save on A shown on B, live (median of ${ts.saveToOtherDeviceMs.length})`,
    ms(ts.saveToOtherDeviceMedianMs),
    '≤ 3 s',
    ts.saveToOtherDeviceMedianMs <= 3000,
  );
}
const mi = browser.micro;
row('Argon2id m=64 MiB t=3 derivation (in-page, worker)', ms(mi.deriveKekMs), 'info', null);
row('unlock() with PRODUCTION_KDF (in-page)', ms(mi.unlockMs), '≤ 1.5 s on a low-end phone (R21)', mi.unlockMs <= 1500);
row('completeScreening final save, strict (in-page)', ms(mi.completeScreeningMs), 'info', null);

const machine = {
  nproc: cpus().length,
  node: process.version,
  chromium: (
    await run(process.env.CHROME_PATH, ['--version'], { quiet: true, stderr: 'ignore' }).catch(() => 'unknown')
  ).trim(),
  loadAverageAtStart: loadavg()
    .map((x) => x.toFixed(2))
    .join(' '),
  date: new Date().toISOString(),
};

const width = (k) => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const widths = { figure: width('figure'), value: width('value'), goal: width('goal'), status: width('status') };
const line = (r) => ['figure', 'value', 'goal', 'status'].map((k) => String(r[k]).padEnd(widths[k])).join(' │ ');
console.log(`\nStapwijzer bench — ${machine.date}, ${machine.nproc} cores, Node ${machine.node}, ${machine.chromium}`);
console.log(
  `load average when the bench started: ${machine.loadAverageAtStart} (other work on the machine skews timings)\n`,
);
console.log(line({ figure: 'figure', value: 'value', goal: 'goal', status: 'status' }));
console.log(['figure', 'value', 'goal', 'status'].map((k) => '─'.repeat(widths[k])).join('─┼─'));
for (const r of rows) console.log(line(r));
for (const [cat, audits] of Object.entries(lh.failing)) {
  if (audits.length > 0)
    console.log(
      `\nLighthouse ${cat}: audits below 1 — ${audits.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`).join(', ')}`,
    );
}
console.log(
  `Lighthouse metrics: ${Object.entries(lh.metrics)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log(
  `Cold start end marker: ${cs.caseload.homeBy === 'due-list' ? 'the follow-up list (section "Vervolgcontacten", #home-due) with the expected count' : 'FALLBACK: the "Vandaag" heading (no follow-up section found)'}`,
);
for (const [script, lines] of Object.entries(node)) {
  console.log(`\n${script} (Node + fake-indexeddb)${lines === null ? ': not present' : ''}`);
  for (const l of lines ?? []) console.log(`  ${l}`);
}
const report = { machine, rows, browser, lighthouse, node, wallSeconds: Math.round((Date.now() - started) / 1000) };
writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
console.log(`\nreports/bench.json written; bench took ${report.wallSeconds} s`);
