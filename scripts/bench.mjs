// `npm run bench`: the performance bench (issue 8), separate from the tests. Run after `npm test` (which
// installs Chromium). Builds what it measures in this run — the production build (.tmp/bench-prod, same
// config as `npm run build`), the bench variant with the seeding page (.tmp/dist-bench) and the FLOOR app
// (.tmp/floor-dist) — then runs the browser figures, Lighthouse and the Node benches, and prints every
// figure next to its goal. Writes reports/bench.json. Options: --dist=DIR (measure an existing build
// instead), --scale=practice|team (the caseload: 2,000 clients / 20,000 screenings, default, or a team's
// 10,000 / 100,000, issue 23), --reps=N (cold starts; default 3, 7 at team scale), --runs=N
// (search/timeline/micro, default 5), --lighthouse-runs=N (default 1), --baseline=REF (first builds that
// commit in a temporary git worktree and measures its first screen, Lighthouse and unlock, then this
// tree's; every such figure is printed with whether it is within 10 % of the baseline), --skip-node,
// --skip-sync (no team-sync figures), --reuse (keep seeded profiles; for bench development).
import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureChromium, ensureDependencies } from './ensure.mjs';

const started = Date.now();
// Read before anything of ours runs: what else the machine was doing when the bench started.
const loadAtStart = loadavg();
const argv = process.argv.slice(2);
const opt = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const flag = (name) => argv.includes(`--${name}`);
const DIST = opt('dist', '.tmp/bench-prod');
const BENCH_DIST = '.tmp/dist-bench';
const FLOOR_DIST = '.tmp/floor-dist';
const OUT_DIR = '.tmp/bench';
const SYNC_OUT = `${OUT_DIR}/team-sync.json`;
const SCALE = opt('scale', 'practice');
if (!['practice', 'team'].includes(SCALE)) throw new Error(`--scale must be practice or team, not ${SCALE}`);
const TEAM = SCALE === 'team';
const BASELINE = opt('baseline', null);
// --table-only: print the table of the last run again from .tmp/bench/*.json (same --scale and --baseline).
const TABLE_ONLY = flag('table-only');
const bin = (name) => `node_modules/.bin/${name}`;
const prodEnv = { STAPWIJZER_BENCH: '' };
// The app's dependencies, then the bench's own (Lighthouse; scripts/bench/package.json), then Chromium.
ensureDependencies();
ensureDependencies('scripts/bench');
process.env.CHROME_PATH = ensureChromium();
mkdirSync(OUT_DIR, { recursive: true });
mkdirSync('reports', { recursive: true });

/** Runs a command; resolves with its stdout (also echoed) or rejects on a non-zero exit. */
function run(cmd, args, { env = {}, quiet = false, stderr = 'inherit', cwd = undefined } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', stderr] });
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

// What the table says about the run (kept for --table-only).
const RUN_FILE = `${OUT_DIR}/run.json`;
const runInfo = TABLE_ONLY
  ? JSON.parse(readFileSync(RUN_FILE, 'utf8'))
  : { loadAtStart, date: new Date(started).toISOString(), argv };
if (!TABLE_ONLY) writeFileSync(RUN_FILE, JSON.stringify(runInfo));

// 0. The baseline (--baseline=REF): that commit's files in a temporary folder (`git archive`, which
// leaves the repository's worktree list alone), built with its own config. Its node_modules is this tree's when the lockfiles match (else `npm ci` there). A build from
// before the precompression step gets the same .br/.gz files here, so both are served alike.
let baseline = null;
if (BASELINE && !TABLE_ONLY) {
  baseline = await timed(`Baseline ${BASELINE}: its files (git archive) and builds`, async () => {
    const sha = (await run('git', ['rev-parse', '--verify', `${BASELINE}^{commit}`], { quiet: true })).trim();
    const dir = join(tmpdir(), `stapwijzer-baseline-${sha.slice(0, 12)}`);
    if (!existsSync(join(dir, 'package.json'))) {
      mkdirSync(dir, { recursive: true });
      await run('sh', ['-c', `git archive --format=tar ${sha} | tar -x -C "${dir}"`], { quiet: true });
    }
    const sameLock = readFileSync(join(dir, 'package-lock.json'), 'utf8') === readFileSync('package-lock.json', 'utf8');
    if (!existsSync(join(dir, 'node_modules'))) {
      if (sameLock) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
      else await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
    }
    const prod = resolve('.tmp/baseline-prod');
    const vite = join(dir, 'node_modules/.bin/vite');
    await run(vite, ['build', '--outDir', prod, '--emptyOutDir', '--logLevel', 'warn'], { cwd: dir, env: prodEnv });
    await run(vite, ['build', '--logLevel', 'warn'], { cwd: dir, env: { STAPWIJZER_BENCH: '1' } });
    if (!existsSync(join(prod, 'index.html.br')))
      await run(bin('tsx'), ['scripts/precompress.ts', prod], { quiet: true });
    const subject = (await run('git', ['log', '-1', '--format=%h %s', sha], { quiet: true })).trim();
    return { ref: BASELINE, sha, subject, dir, prod, benchDist: join(dir, '.tmp/dist-bench'), sameLock };
  });
}

// 1. Builds (two at a time: the machine has two cores).
if (!TABLE_ONLY) {
  await timed('Builds: production, bench variant, floor', async () => {
    const builds = [
      run(bin('vite'), ['build', '--config', 'scripts/bench/floor/vite.config.ts', '--logLevel', 'warn']),
      run(bin('vite'), ['build', '--logLevel', 'warn'], { env: { STAPWIJZER_BENCH: '1' } }),
    ];
    if (DIST === '.tmp/bench-prod') {
      await builds[0];
      builds.push(
        run(bin('vite'), ['build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { env: prodEnv }),
      );
    }
    await Promise.all(builds);
  });

  // The seeding page exists only in the bench variant: never in a production build.
  const leaks = [DIST, 'dist']
    .filter((d) => existsSync(d))
    .flatMap((d) => htmlFiles(d).filter((f) => f.includes('bench-seed')));
  if (leaks.length > 0) throw new Error(`bench-only page found in a production build: ${leaks.join(', ')}`);
  if (!htmlFiles(BENCH_DIST).some((f) => f.includes('bench-seed')))
    throw new Error('bench variant has no seeding page');
  console.log(`  checked: no bench-seed.html in ${[DIST, 'dist'].filter((d) => existsSync(d)).join(' or ')}`);
}

// 2. Browser figures, 3. Lighthouse, 4. Node benches; the baseline's (first screen, unlock, Lighthouse) first.
const reps = opt('reps', TEAM ? '7' : '3');
const runs = opt('runs', '5');
const lighthouseRuns = opt('lighthouse-runs', '1');
const tsx = bin('tsx');
let baselineBrowser = null;
let baselineLighthouse = null;
if (TABLE_ONLY && BASELINE && existsSync(`${OUT_DIR}/baseline.json`)) {
  baseline = JSON.parse(readFileSync(`${OUT_DIR}/baseline.json`, 'utf8'));
  baselineBrowser = JSON.parse(readFileSync(`${OUT_DIR}/baseline-browser.json`, 'utf8'));
  baselineLighthouse = JSON.parse(readFileSync(`${OUT_DIR}/baseline-lighthouse.json`, 'utf8'));
}
if (baseline && !TABLE_ONLY) {
  writeFileSync(`${OUT_DIR}/baseline.json`, JSON.stringify(baseline));
  await timed(`Baseline ${baseline.sha.slice(0, 12)}: first screen and unlock (browser), Lighthouse`, async () => {
    await run(tsx, [
      'scripts/bench/browser.ts',
      '--only=screens',
      `--dist=${baseline.prod}`,
      `--bench-dist=${baseline.benchDist}`,
      `--floor-dist=${FLOOR_DIST}`,
      `--out=${OUT_DIR}/baseline-browser.json`,
      `--runs=${runs}`,
      `--reps=${reps}`,
    ]);
    await run(tsx, [
      'scripts/bench/lighthouse.ts',
      `--dist=${baseline.prod}`,
      `--out=${OUT_DIR}/baseline-lighthouse.json`,
      `--runs=${lighthouseRuns}`,
    ]);
  });
  baselineBrowser = JSON.parse(readFileSync(`${OUT_DIR}/baseline-browser.json`, 'utf8'));
  baselineLighthouse = JSON.parse(readFileSync(`${OUT_DIR}/baseline-lighthouse.json`, 'utf8'));
  // The folder goes; a symlinked node_modules is unlinked first so the removal cannot follow it.
  const link = join(baseline.dir, 'node_modules');
  if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(link);
  rmSync(baseline.dir, { recursive: true, force: true });
}
if (!TABLE_ONLY) {
  await timed('Browser: first screen, offline cold start, search, timeline, unlock, final save', () =>
    run(tsx, [
      'scripts/bench/browser.ts',
      `--dist=${DIST}`,
      `--bench-dist=${BENCH_DIST}`,
      `--floor-dist=${FLOOR_DIST}`,
      `--out=${OUT_DIR}/browser.json`,
      `--reps=${reps}`,
      `--runs=${runs}`,
      `--scale=${SCALE}`,
      ...(flag('reuse') ? ['--reuse'] : []),
    ]),
  );
  await timed('Lighthouse 13 (mobile)', () =>
    run(tsx, [
      'scripts/bench/lighthouse.ts',
      `--dist=${DIST}`,
      `--out=${OUT_DIR}/lighthouse.json`,
      `--runs=${lighthouseRuns}`,
    ]),
  );
  // Team sync (issue 19): a pouchdb-server seeded with the bench caseload as envelopes, two fresh devices.
  if (!flag('skip-sync'))
    await timed('Team sync: first sync of 2,000 clients / 20,000 screenings, save on A seen on B', () =>
      run(tsx, ['scripts/bench/team-sync.ts', `--dist=${DIST}`, `--out=${SYNC_OUT}`, `--runs=${runs}`]),
    );
}
const node = {};
if (!flag('skip-node') && !TABLE_ONLY) {
  for (const script of ['bench-engine', 'bench-vault', 'bench-backup']) {
    if (!existsSync(`scripts/${script}.ts`)) {
      node[script] = null;
      continue;
    }
    // A failing Node bench is reported in its place; it must not cost the browser figures above.
    const out = await timed(`Node + fake-indexeddb: scripts/${script}.ts`, () =>
      run(tsx, [`scripts/${script}.ts`], { quiet: true }).catch((e) => `FAILED: ${e.message} (its error is above)`),
    );
    node[script] = out
      .split('\n')
      .map((l) => l.trimEnd())
      .filter(Boolean);
  }
}

// 5. The table. Goals are issue 23's; at the practice scale the earlier ones (issue 8) apply.
const browser = JSON.parse(readFileSync(`${OUT_DIR}/browser.json`, 'utf8'));
const lighthouse = JSON.parse(readFileSync(`${OUT_DIR}/lighthouse.json`, 'utf8'));
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const ms = (x) => (x === undefined || x === null ? 'n/a' : `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`);
const thousands = (n) => n.toLocaleString('en-US');
const rows = [];
/**
 * One figure. `pass` null = information only; `stretch` marks a stretch goal (reported, not a must).
 * `vs` (with --baseline) = { base, text, worse }: the baseline's figure and how much worse this tree is,
 * as a fraction (0.1 = 10 % worse; negative = better).
 */
const row = (figure, value, goal, pass, { stretch = false, vs = null } = {}) =>
  rows.push({
    figure,
    value,
    goal,
    status: pass === null ? '' : pass ? 'ok' : stretch ? 'miss (stretch)' : 'MISS',
    baseline: vs === null ? '' : `${vs.text}: ${pct(vs.worse)} → ${vs.worse <= 0.1 ? 'ok' : 'MISS (> 10 % worse)'}`,
  });
const pct = (x) =>
  Math.abs(x) < 0.0005 ? 'same' : `${(Math.abs(x) * 100).toFixed(1)} % ${x > 0 ? 'worse' : 'better'}`;
/** Worse = larger (sizes, times). */
const vsLarger = (cur, base, format) =>
  base === undefined || base === null ? null : { text: `baseline ${format(base)}`, worse: cur / base - 1 };
/** Worse = smaller (scores). */
const vsSmaller = (cur, base, format) =>
  base === undefined || base === null ? null : { text: `baseline ${format(base)}`, worse: 1 - cur / base };

const fs = browser.firstScreen;
const bfs = baselineBrowser?.firstScreen;
const floor = fs.floor.gzip;
row('First screen JS+CSS gzip: floor app', kB(floor), 'reference', null);
for (const [key, label] of [
  ['firstUse', 'first use (onboarding, roles step)'],
  ['locked', 'locked (vault exists)'],
]) {
  const ratio = fs[key].gzip / floor;
  row(
    `First screen JS+CSS gzip: ${label}`,
    `${kB(fs[key].gzip)} = ${ratio.toFixed(2)}× floor`,
    '≤ 1.10× floor (stretch)',
    ratio <= 1.1,
    { stretch: true, vs: vsLarger(fs[key].gzip, bfs?.[key]?.gzip, kB) },
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
const lhRuns = lighthouse.npmStart.runs.length;
const lh = lighthouse.npmStart.median;
const blh = baselineLighthouse?.npmStart.median;
row(
  `Lighthouse mobile performance on the npm start server (median of ${lhRuns}: ${lighthouse.npmStart.runs.map((r) => r.scores.performance).join(', ')})`,
  lh.scores.performance,
  '≥ 0.97',
  lh.scores.performance >= 0.97,
  { vs: vsSmaller(lh.scores.performance, blh?.scores.performance, String) },
);
row('Lighthouse accessibility', lh.scores.accessibility, '1', lh.scores.accessibility === 1, {
  vs: vsSmaller(lh.scores.accessibility, blh?.scores.accessibility, String),
});
row('Lighthouse best practices', lh.scores['best-practices'], '1', lh.scores['best-practices'] === 1, {
  vs: vsSmaller(lh.scores['best-practices'], blh?.scores['best-practices'], String),
});
const mi = browser.micro;
row('Argon2id m=64 MiB t=3 derivation (in-page, worker)', ms(mi.deriveKekMs), 'info', null);
row(
  `unlock() with PRODUCTION_KDF on the caseload's database, headless Chromium (median of ${mi.samples?.unlocks?.length ?? '?'}, in-page)`,
  ms(mi.unlockMs),
  '≤ 1.5 s',
  mi.unlockMs <= 1500,
);
// The unlock compared with the baseline: the same empty vault in both trees, through the lock screen.
const ce = browser.coldStart.empty;
const bce = baselineBrowser?.coldStart?.empty;
row(
  `Unlock → Vandaag, empty vault, offline, through the lock screen (median of ${ce.runs.length})`,
  ms(ce.unlockToHomeMs),
  baseline ? 'within 10 % of baseline' : 'info',
  null,
  { vs: vsLarger(ce.unlockToHomeMs, bce?.unlockToHomeMs, ms) },
);
row('  offline cold start → lock screen → Vandaag, empty vault', ms(ce.totalMs), 'info', null, {
  vs: vsLarger(ce.totalMs, bce?.totalMs, ms),
});
row('completeScreening final save, strict (in-page)', ms(mi.completeScreeningMs), 'info', null);

const scale = browser.caseload ?? { clients: 2000, screeningsPerClient: 10 };
const sized = `${thousands(scale.clients)} clients / ${thousands(scale.clients * scale.screeningsPerClient)} screenings`;
const cs = browser.coldStart;
const coldRatio = cs.caseload.totalMs / cs.empty.totalMs;
row(
  `Offline cold start → Vandaag with ${browser.seed.expectedDue} follow-ups, ${sized} vs empty (median of ${cs.caseload.runs.length})`,
  `${ms(cs.caseload.totalMs)} vs empty ${ms(cs.empty.totalMs)} = ${coldRatio.toFixed(2)}×`,
  TEAM ? '≤ 1.5× empty' : '≤ 1.20× empty',
  coldRatio <= (TEAM ? 1.5 : 1.2),
);
if (TEAM)
  row('  the same, stretch', `${coldRatio.toFixed(2)}×`, '≤ 1.2× empty (stretch)', coldRatio <= 1.2, { stretch: true });
row(
  '  each run: caseload / empty',
  cs.caseload.runs.map((r, i) => `${r.totalMs}/${cs.empty.runs[i]?.totalMs}`).join(', '),
  'part',
  null,
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
row(`Client list open, ${thousands(scale.clients)} clients (in-page)`, ms(cl.listOpenMs), 'info', null);
for (const [label, value, n] of [
  [`Client search, ${thousands(scale.clients)} clients`, cl.searchMedianMs, cl.search.length],
  ['Timeline open', cl.timelineMedianMs, cl.timeline.length],
]) {
  row(`${label} (median of ${n}, in-page)`, ms(value), '≤ 100 ms', value <= 100);
  if (TEAM) row('  the same, stretch', ms(value), '≤ 50 ms (stretch)', value <= 50, { stretch: true });
}
if (cl.heap) {
  row(
    'JS heap after unlock, Vandaag with follow-ups (CDP Runtime.getHeapUsage)',
    `${cl.heap.home.usedMB} MB (${cl.heap.home.retainedMB} MB after a forced GC)`,
    '≤ 150 MB',
    cl.heap.home.usedMB <= 150,
  );
  row(
    '  after the client list, searches and timelines',
    `${cl.heap.afterClients.usedMB} MB (${cl.heap.afterClients.retainedMB} MB after GC)`,
    'info',
    null,
  );
}
if (browser.indicators) {
  const limit = TEAM ? 1500 : 1000;
  row(
    `Praktijkcijfers open offline, ${sized} (median of ${browser.indicators.runs.length}, in-page)`,
    ms(browser.indicators.medianMs),
    `≤ ${thousands(limit)} ms`,
    browser.indicators.medianMs <= limit,
  );
  if (browser.indicators.heap)
    row(
      '  JS heap on Praktijkcijfers',
      `${browser.indicators.heap.usedMB} MB (${browser.indicators.heap.retainedMB} MB after GC)`,
      'info',
      null,
    );
}
const bk = browser.backup;
if (bk) {
  row(
    `Backup export from Back-up en gegevens, ${sized} (once, in-page, until "Back-up opgeslagen")`,
    bk.ok
      ? `${ms(bk.ms)}, ${(bk.bytes / 1e6).toFixed(1)} MB file, progress bar showed ${bk.progressValues} values`
      : `failed: ${bk.status}`,
    '≤ 60 s, with progress',
    bk.ok && bk.ms <= 60_000 && bk.progressValues > 1,
  );
}
const ex = browser.exportData;
if (ex) {
  row(
    '  data layer: exportBackup alone (in-page, no download)',
    ex.exportOk
      ? `${ms(ex.exportMs)}, ${(ex.exportChars / 1e6).toFixed(1)} M characters, ${ex.progressCalls} progress calls`
      : `failed after ${ms(ex.exportMs)}: ${ex.exportError}`,
    'info',
    null,
  );
}
const dr = browser.dataReads;
if (dr) {
  const n = thousands(scale.clients);
  row(`  data layer: listClients, ${n} decrypted (in-page)`, ms(dr.listClientsMs), 'info', null);
  row(`  search: fold + filter ${n} in memory (matchesClient)`, ms(dr.filterOnlyMs), 'info', null);
  row(`  search: sort all ${n} by alias (localeCompare 'nl', as the page does)`, ms(dr.foldAndSortAllMs), 'info', null);
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

const machine = {
  nproc: cpus().length,
  node: process.version,
  chromium: (
    await run(process.env.CHROME_PATH, ['--version'], { quiet: true, stderr: 'ignore' }).catch(() => 'unknown')
  ).trim(),
  loadAverageAtStart: runInfo.loadAtStart.map((x) => x.toFixed(2)).join(' '),
  date: runInfo.date,
  command: `npm run bench -- ${runInfo.argv.join(' ')}`,
};

const columns = ['figure', 'value', 'goal', 'status', ...(baseline ? ['baseline'] : [])];
const width = (k) => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const widths = Object.fromEntries(columns.map((k) => [k, width(k)]));
const line = (r) => columns.map((k) => String(r[k]).padEnd(widths[k])).join(' │ ');
console.log(`\nStapwijzer bench — ${machine.date}, ${machine.nproc} cores, Node ${machine.node}, ${machine.chromium}`);
console.log(
  `load average when the bench started: ${machine.loadAverageAtStart} (other work on the machine skews timings)`,
);
console.log(`scale: ${SCALE} (${sized}); command: ${machine.command}`);
if (baseline) console.log(`baseline: ${baseline.ref} = ${baseline.subject} (measured first, same server and browser)`);
console.log('');
console.log(line(Object.fromEntries(columns.map((k) => [k, k]))));
console.log(columns.map((k) => '─'.repeat(widths[k])).join('─┼─'));
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
const report = {
  machine,
  scale: SCALE,
  rows,
  browser,
  lighthouse,
  baseline: baseline ? { ...baseline, browser: baselineBrowser, lighthouse: baselineLighthouse } : null,
  node,
  wallSeconds: Math.round((Date.now() - started) / 1000),
};
writeFileSync('reports/bench.json', JSON.stringify(report, null, 2));
console.log(`\nreports/bench.json written; bench took ${report.wallSeconds} s`);
