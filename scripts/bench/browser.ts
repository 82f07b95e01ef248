/**
 * The browser half of `npm run bench` (run by scripts/bench.mjs through tsx): headless Debian Chromium
 * with the test flags, the tests' static server, the production build. Measures
 *   1. first-screen JS+CSS (gzip) of the app (first use, locked) and of the floor app;
 *   3. offline cold start → lock screen → unlock → home with today's follow-ups, caseload vs empty;
 *   4. client search and timeline open with the caseload (in-page timing);
 *   5. Argon2id / unlock() / completeScreening in the page (from the bench-only seeding page);
 *   6. the JS heap after unlock (CDP Runtime.getHeapUsage, before and after a forced GC), and the backup
 *      export from Back-up en gegevens (time, and whether its progress bar moved).
 *   7. (--only=backup-roundtrip) the export from Back-up en gegevens, then the restore of that file from
 *      the same screen into a fresh profile, the page's JS heap sampled every 250 ms through both.
 * --scale=practice|team picks the caseload (seed/caseload.ts). --only=screens (the baseline build)
 * measures only what needs no caseload: 1, and the offline cold start of the empty vault (its
 * unlock → Vandaag is the unlock figure compared with the baseline; both trees measure it alike).
 * Writes JSON to the path given as --out.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { FIRST_MATCHES, matchesClient } from '../../src/features/clients/search';
import { freshProfileDir, launchProfile } from '../../tests/support/chromium';
import { type StaticServer, startStaticServer } from '../../tests/support/static-server';
import { type FirstScreen, recordFirstScreen } from './first-screen';
import { type HeapPeak, HeapSampler } from './heap-sampler';
import {
  backupExportProbe,
  coldStartProbe,
  indicatorsProbe,
  KDF_PROBE,
  LAYOUT_SHIFT_PROBE,
  listProbe,
  SELECTORS,
  searchProbe,
  TIMELINE_PROBE,
  TIMELINE_READ,
  timelineProbe,
  timelineText,
} from './probes';
import { aliasOf, caseloadOf, codeOf, PASSPHRASE, SEARCH_QUERIES, timelineEntries } from './seed/caseload';

/** The list shows at most FIRST_MATCHES rows (the rest on request): the probes wait for what is shown. */
const shownOf = (matches: number) => Math.min(matches, FIRST_MATCHES);

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const DIST = arg('dist', '.tmp/bench-prod');
const BENCH_DIST = arg('bench-dist', '.tmp/dist-bench');
const FLOOR_DIST = arg('floor-dist', '.tmp/floor-dist');
const OUT = arg('out', '.tmp/bench/browser.json');
const REPS = Number(arg('reps', '3'));
const RUNS = Number(arg('runs', '5'));
const LOAD = caseloadOf(arg('scale', 'practice'));
const CLIENTS = LOAD.clients;
const ONLY_SCREENS = arg('only', '') === 'screens';
// --only=coldstart (with --reuse, for work on the cold start): the seeded profiles' cold starts only,
// caseload and empty alternately; --cpu-profile=FILE also records the first caseload run's unlock →
// Vandaag with the CDP Profiler (open it in DevTools, or summarise it with scripts/bench/profile-top.ts);
// with --only=export, the data layer's export.
const ONLY_COLDSTART = arg('only', '') === 'coldstart';
// --only=export (with --reuse): the data-layer export and the export from Back-up en gegevens only.
const ONLY_EXPORT = arg('only', '') === 'export';
// --only=empty (issue 23's unlock → Vandaag against the baseline): the empty vault's cold starts only, no
// caseload seeded; --cpu-profile=FILE records the first run's unlock → Vandaag, --timeline=FILE writes what
// ran between the unlock submit and Vandaag (chunks fetched, IndexedDB transactions, in order). With
// --dist/--bench-dist of another tree's builds and its own --profiles=DIR it measures that tree alike.
const ONLY_EMPTY = arg('only', '') === 'empty';
const TIMELINE = arg('timeline', '');
// --only=backup-roundtrip (with --reuse): the export from Back-up en gegevens, then the restore of that
// file from the same screen into a fresh profile, the page's JS heap sampled through both (heap-sampler.ts).
const ONLY_ROUNDTRIP = arg('only', '') === 'backup-roundtrip';
const ONLY_SOME = ONLY_COLDSTART || ONLY_EXPORT || ONLY_EMPTY || ONLY_ROUNDTRIP;
const CPU_PROFILE = arg('cpu-profile', '');
// A team's caseload takes minutes to seed and its screens longer to fill: wider timeouts, same probes.
const SLOW = LOAD.scale === 'team' ? 5 : 1;
// --reuse (for working on the bench itself): keep the seeded profiles in .tmp/bench/profiles on a fixed
// port (IndexedDB and the service worker belong to the origin) and skip seeding when they exist.
const REUSE = process.argv.includes('--reuse');
const REUSE_DIR = arg('profiles', '.tmp/bench/profiles');
const VIEWPORT = { width: 390, height: 844 };
const SEED_PAGE = '/scripts/bench/seed/bench-seed.html';

const log = (text: string) => console.log(`  [browser] ${text}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function open(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchProfile(dir, { viewport: VIEWPORT });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { context, page };
}

interface SeedResult {
  ok: boolean;
  error?: string;
  ms: number;
  expectedDue?: number;
  timelineClientIds?: string[];
  deriveKekMs?: number;
  unlockMs?: number;
  completeScreeningMs?: number;
  samples?: Record<string, number[]>;
  exportOk?: boolean;
  exportMs?: number;
  exportChars?: number;
  exportError?: string;
  progressCalls?: number;
}

async function seed(page: Page, server: StaticServer, query: string, cpuProfile = ''): Promise<SeedResult> {
  const cdp = cpuProfile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${server.url}${SEED_PAGE}?${query}`);
  const done = page.locator('#done');
  await done.waitFor({ state: 'visible', timeout: 600_000 * SLOW });
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(cpuProfile, JSON.stringify(profile));
    await cdp.detach();
  }
  const result = JSON.parse((await done.textContent()) ?? '{}') as SeedResult;
  if (!result.ok) throw new Error(`seeding (${query}) failed: ${result.error}`);
  return result;
}

/** Loads `/` of the production build, waits for the service worker to hold the whole precache. */
async function installApp(page: Page, server: StaticServer): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.evaluate('navigator.serviceWorker.ready.then((r) => r.active && r.active.state)');
}

async function firstScreen(page: Page, url: string, root: string, heading: string): Promise<FirstScreen> {
  const finish = recordFirstScreen(page, root);
  await page.addInitScript({ content: LAYOUT_SHIFT_PROBE });
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const screen = finish();
  // Notices that appear once the service worker is installed (offline ready) may still push the screen.
  await page.evaluate('navigator.serviceWorker.ready.then(() => new Promise((r) => setTimeout(r, 500)))');
  const shifts = (await page.evaluate('window.__shifts')) as { at: number; value: number; node: string }[];
  return { ...screen, cls: Math.round(shifts.reduce((n, x) => n + x.value, 0) * 1000) / 1000, shifts };
}

/** Polls an in-page expression (page.waitForFunction with a string would need 'unsafe-eval', which the CSP forbids). */
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(50);
  }
}

interface ColdStart {
  lockVisibleMs: number;
  unlockToHomeMs: number;
  /** --only=empty: from the key derivation's answer (its worker's message) to Vandaag. */
  afterKdfMs?: number;
  totalMs: number;
  homeBy: string;
}

/** Between two keys while the bench types the passphrase: ≈ 240 words a minute, faster than anyone types. */
const TYPING_DELAY_MS = 50;

async function coldStart(
  dir: string,
  url: string,
  expectedDue: number,
  cpuProfile = '',
  timeline = '',
): Promise<ColdStart> {
  const { context, page } = await open(dir);
  try {
    await context.setOffline(true);
    await context.addInitScript({ content: coldStartProbe(expectedDue) });
    if (timeline) await context.addInitScript({ content: TIMELINE_PROBE });
    if (ONLY_EMPTY) await context.addInitScript({ content: KDF_PROBE });
    await page.goto(url);
    await until(page, 'Boolean(window.__bench && window.__bench.lockVisible !== null)', 60_000);
    // Typed as a (very fast) person types, not filled in at once: the lock screen prepares the unlock
    // (the derivation's worker, the code behind the gate) while the passphrase is typed, as it would
    // for a user. Both builds are measured so; the figure starts at the submit.
    await page.getByLabel('Wachtzin').pressSequentially(PASSPHRASE, { delay: TYPING_DELAY_MS });
    const cdp = cpuProfile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await until(page, 'window.__bench.home !== null', 120_000 * SLOW);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(cpuProfile, JSON.stringify(profile));
      await cdp.detach();
    }
    const b = (await page.evaluate('window.__bench')) as {
      lockVisible: number;
      submit: number;
      home: number;
      homeBy: string;
    };
    const unlockToHome = b.home - b.submit;
    const kdfDone = ONLY_EMPTY ? ((await page.evaluate('window.__kdfDone ?? null')) as number | null) : null;
    if (timeline) writeFileSync(timeline, timelineText(await page.evaluate(TIMELINE_READ), b.submit, b.home));
    return {
      lockVisibleMs: round(b.lockVisible),
      unlockToHomeMs: round(unlockToHome),
      ...(kdfDone === null ? {} : { afterKdfMs: round(b.home - kdfDone) }),
      totalMs: round(b.lockVisible + unlockToHome),
      homeBy: b.homeBy,
    };
  } finally {
    await context.close();
  }
}

async function unlockInPlace(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: SELECTORS.lockTitle }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Wachtzin').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.getByRole('heading', { level: 1, name: SELECTORS.homeTitle }).waitFor({ timeout: 120_000 * SLOW });
}

interface Heap {
  /** Main-thread JS heap in use, as found (MB = 10^6 bytes). */
  usedMB: number;
  /** The same after a forced garbage collection: what the screen keeps. */
  retainedMB: number;
}

/** The page's JS heap (CDP Runtime.getHeapUsage), then again after HeapProfiler.collectGarbage. */
async function heapOf(context: BrowserContext, page: Page): Promise<Heap> {
  const cdp = await context.newCDPSession(page);
  try {
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    return { usedMB: round(before.usedSize / 1e6), retainedMB: round(after.usedSize / 1e6) };
  } finally {
    await cdp.detach();
  }
}

async function clientScreens(dir: string, url: string, timelineIds: string[], expectedDue: number) {
  const { context, page } = await open(dir);
  try {
    await context.setOffline(true);
    await page.goto(url);
    await unlockInPlace(page);
    // The heap once Vandaag shows its follow-ups: what unlocking and the first screen keep in memory.
    await until(
      page,
      `document.querySelectorAll(${JSON.stringify(SELECTORS.dueItems)}).length === ${expectedDue}`,
      60_000 * SLOW,
    );
    const heapAtHome = await heapOf(context, page);
    // In-app navigation (a reload would lock the app again).
    const clientsHref = `document.querySelector('a[href="/clients"]').click()`;
    const listOpenMs = (await page.evaluate(listProbe(clientsHref, shownOf(CLIENTS)))) as number;
    const search: { query: string; expected: number; ms: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const query = SEARCH_QUERIES[run % SEARCH_QUERIES.length] ?? '';
      const expected = Array.from({ length: CLIENTS }, (_, i) => ({ alias: aliasOf(i), code: codeOf(i) })).filter((c) =>
        matchesClient(c, query),
      ).length;
      const ms = (await page.evaluate(searchProbe(query, shownOf(expected)))) as number;
      search.push({ query, expected, ms: round(ms) });
      await page.evaluate(searchProbe('', shownOf(CLIENTS))); // back to the full list (not measured)
    }
    const timeline: { ms: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const id = timelineIds[run % timelineIds.length] ?? '';
      // Find the client first, as a user would (not measured): it need not be among the first rows.
      const target = LOAD.timelineClients[run % LOAD.timelineClients.length] ?? 0;
      await page.evaluate(searchProbe(aliasOf(target), 1));
      const ms = (await page.evaluate(timelineProbe(id, timelineEntries(LOAD)))) as number;
      timeline.push({ ms: round(ms) });
      await page.evaluate(listProbe('history.back()', shownOf(CLIENTS))); // back to the list (not measured)
    }
    const heapAfterClients = await heapOf(context, page);
    return {
      heap: { home: heapAtHome, afterClients: heapAfterClients },
      listOpenMs: round(listOpenMs),
      search,
      searchMedianMs: round(median(search.map((s) => s.ms))),
      timeline,
      timelineMedianMs: round(median(timeline.map((t) => t.ms))),
    };
  } finally {
    await context.close();
  }
}

/**
 * Praktijkcijfers (issue 22), offline: from Instellingen, open the screen and wait for the Screenings
 * total of the whole caseload (every screening, decision, follow-up and safety event decrypted and
 * counted). RUNS times, back to Instellingen in between (not measured).
 */
async function indicatorsScreen(dir: string, url: string) {
  const { context, page } = await open(dir);
  try {
    await context.setOffline(true);
    await page.goto(url);
    await unlockInPlace(page);
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate(`document.querySelector('a[href="/settings"]').click()`);
      await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ timeout: 60_000 });
      const expected = CLIENTS * LOAD.screeningsPerClient;
      runs.push(round((await page.evaluate(indicatorsProbe(expected, 60_000 * SLOW))) as number));
    }
    return { runs, medianMs: round(median(runs)), heap: await heapOf(context, page) };
  } finally {
    await context.close();
  }
}

/**
 * The backup export from Back-up en gegevens, offline, as the professional makes it: press the
 * button, wait for "Back-up opgeslagen als …" and the download. Once (it writes the whole caseload).
 */
async function backupExport(dir: string, url: string) {
  const { context, page } = await open(dir);
  try {
    await context.setOffline(true);
    // Where the browser has the File System Access API the screen first asks where to save, a dialog
    // nobody answers here: the bench measures the other path, the Blob download (the slower one).
    await context.addInitScript({
      content: `Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });`,
    });
    await page.goto(url);
    await unlockInPlace(page);
    await page.evaluate(`document.querySelector('a[href="/settings"]').click()`);
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ timeout: 60_000 });
    await page.evaluate(`document.querySelector('a[href="/settings/backup"]').click()`);
    await page.getByRole('heading', { level: 1, name: 'Back-up en gegevens' }).waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download', { timeout: 600_000 });
    const r = (await page.evaluate(backupExportProbe(600_000))) as {
      ms: number;
      ok: boolean;
      progressValues: number;
      status: string;
    };
    let bytes: number | null = null;
    if (r.ok) {
      // A failed download says only "canceled": how long after "opgeslagen" it ended, and how much of
      // the file had arrived, tell a revoked URL (at once), a full disk (part way) and a closed page apart.
      const saved = Date.now();
      const d = await download;
      const failure = await d.failure();
      if (failure) {
        const partial = await d
          .path()
          .then((f) => (f ? statSync(f).size : null))
          .catch(() => null);
        throw new Error(
          `download ${failure} ${Date.now() - saved} ms after "opgeslagen" (${partial ?? 'no'} bytes written; status: ${r.status})`,
        );
      }
      const file = await d.path();
      bytes = file ? statSync(file).size : null;
    } else download.catch(() => undefined);
    return { ...r, ms: round(r.ms), bytes };
  } finally {
    await context.close();
  }
}

const heapText = (h: HeapPeak) =>
  `peak ${h.peakUsedMB} MB used / ${h.peakTotalMB} MB reserved${h.peakBackingMB === null ? '' : `, ArrayBuffers ${h.peakBackingMB} MB`} (${h.samples} samples, ${h.startUsedMB} → ${h.endUsedMB} MB)`;

async function toBackupScreen(page: Page): Promise<void> {
  await page.evaluate(`document.querySelector('a[href="/settings"]').click()`);
  await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ timeout: 60_000 });
  await page.evaluate(`document.querySelector('a[href="/settings/backup"]').click()`);
  await page.getByRole('heading', { level: 1, name: 'Back-up en gegevens' }).waitFor({ timeout: 60_000 });
}

interface RoundTripExport {
  /** Button → "Back-up opgeslagen als …" (the file is built), then → the download finished. */
  exportMs: number;
  downloadMs: number;
  progressValues: number;
  bytes: number;
  heapExport: HeapPeak;
  heapDownload: HeapPeak;
}

/**
 * The export half of --only=backup-roundtrip: as backupExport, with the page's heap sampled from the
 * press of the button until the download is complete, and the file kept at `savePath`.
 */
async function exportFromScreen(dir: string, url: string, savePath: string): Promise<RoundTripExport> {
  const { context, page } = await open(dir);
  try {
    await context.setOffline(true);
    await context.addInitScript({
      content: `Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });`,
    });
    await page.goto(url);
    await unlockInPlace(page);
    await toBackupScreen(page);
    const sampler = await HeapSampler.start(context, page);
    const t0 = Date.now();
    const download = page.waitForEvent('download', { timeout: 600_000 * SLOW });
    const r = (await page.evaluate(backupExportProbe(600_000 * SLOW))) as {
      ms: number;
      ok: boolean;
      progressValues: number;
      status: string;
    };
    const heapExport = sampler.phase();
    if (!r.ok) throw new Error(`export failed: ${r.status}`);
    const d = await download;
    const failure = await d.failure(); // resolves once the download finished (null) or failed
    const downloadMs = Date.now() - t0;
    const heapDownload = await sampler.stop();
    if (failure) throw new Error(`download failed: ${failure}`);
    await d.saveAs(savePath);
    return {
      exportMs: round(r.ms),
      downloadMs,
      progressValues: r.progressValues,
      bytes: statSync(savePath).size,
      heapExport,
      heapDownload,
    };
  } finally {
    await context.close();
  }
}

interface RoundTripRestore {
  /** "Back-up controleren" → the confirmation (every chunk read, checked and staged). */
  verifyMs: number;
  /** "Ja, vervang alles" → "De back-up is teruggezet." (the staged rows swapped in). */
  swapMs: number;
  clientsInFile: number;
  clientsAfter: number;
  heapVerify: HeapPeak;
  heapSwap: HeapPeak;
}

/**
 * The restore half: on a fresh profile with an empty vault, Back-up en gegevens → choose the file →
 * its passphrase → "Back-up controleren" → the backup's passphrase → "Ja, vervang alles", as the
 * professional does it, with the page's heap sampled throughout; then the restored client count.
 */
async function restoreFromScreen(dir: string, url: string, file: string): Promise<RoundTripRestore> {
  const { context, page } = await open(dir);
  try {
    await context.setOffline(true);
    await page.goto(url);
    await unlockInPlace(page);
    await toBackupScreen(page);
    const sampler = await HeapSampler.start(context, page);
    const error = page.locator('p[role="alert"]:not(:empty)');
    const dialog = page.getByRole('alertdialog');
    const lockScreen = page.getByRole('heading', { level: 1, name: SELECTORS.lockTitle });
    // Playwright hands Chromium the path: the page gets a File backed by the file on disk.
    await page.getByLabel('Back-upbestand').setInputFiles(file);
    await page.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
    let t0 = Date.now();
    await page.getByRole('button', { name: 'Back-up controleren' }).click();
    await dialog
      .or(error)
      .or(lockScreen)
      .first()
      .waitFor({ timeout: 1_200_000 * SLOW });
    if (await lockScreen.isVisible())
      throw new Error(
        `the app locked itself ${Date.now() - t0} ms into the check (heap: ${heapText(sampler.result())})`,
      );
    if (await error.isVisible()) throw new Error(`check failed: ${await error.textContent()}`);
    const verifyMs = Date.now() - t0;
    const heapVerify = sampler.phase();
    log(`restore: check ${verifyMs} ms; heap while checking: ${heapText(heapVerify)}`);
    const clientsInFile = Number(
      await dialog.locator('tr', { hasText: 'Cliënten' }).locator('td').nth(1).textContent(),
    );
    await page.getByLabel('De wachtzin van de back-up gebruiken').check();
    t0 = Date.now();
    await page.getByRole('button', { name: 'Ja, vervang alles' }).click();
    const restored = page.getByText('De back-up is teruggezet.');
    await restored
      .or(error)
      .or(lockScreen)
      .first()
      .waitFor({ timeout: 1_200_000 * SLOW });
    if (await lockScreen.isVisible())
      throw new Error(
        `the app locked itself ${Date.now() - t0} ms after "Ja, vervang alles" (heap meanwhile: ${heapText(sampler.result())})`,
      );
    if (await error.isVisible()) throw new Error(`restore failed: ${await error.textContent()}`);
    const swapMs = Date.now() - t0;
    const heapSwap = await sampler.stop();
    // What the device holds now: the clients store's row count, straight from IndexedDB (no content read).
    const clientsAfter = (await page.evaluate(`new Promise((resolve, reject) => {
      const r = indexedDB.open('stapwijzer');
      r.onerror = () => reject(r.error);
      r.onsuccess = () => {
        const q = r.result.transaction('clients').objectStore('clients').count();
        q.onsuccess = () => { resolve(q.result); r.result.close(); };
        q.onerror = () => reject(q.error);
      };
    })`)) as number;
    return { verifyMs, swapMs, clientsInFile, clientsAfter, heapVerify, heapSwap };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const profileDir = (name: string) => {
    if (!REUSE) return freshProfileDir();
    mkdirSync(`${REUSE_DIR}/${name}`, { recursive: true });
    return `${REUSE_DIR}/${name}`;
  };
  const profiles = {
    caseload: profileDir('caseload'),
    empty: profileDir('empty'),
    firstUse: freshProfileDir(),
    floor: freshProfileDir(),
    restoreTarget: freshProfileDir(),
  };
  // --port=N: another fixed port, when a second --reuse run (another worktree's) holds 4399.
  const server = await startStaticServer(BENCH_DIST, REUSE ? Number(arg('port', '4399')) : 0);
  const url = `${server.url}/`;
  const stateFile = `${REUSE_DIR}/state.json`;
  // Without a caseload (--only=screens) these stay empty.
  let caseloadSeed: SeedResult = { ok: true, ms: 0 };
  let micro: SeedResult = { ok: true, ms: 0 };
  let dataReads: SeedResult | null = null;
  let exportSeed: SeedResult | null = null;
  let locked: FirstScreen;
  if (REUSE && existsSync(stateFile)) {
    ({ caseloadSeed, micro, locked, dataReads } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      caseloadSeed: SeedResult;
      micro: SeedResult;
      locked: FirstScreen;
      dataReads: SeedResult | null;
    });
    log('reusing the seeded profiles');
  } else {
    try {
      // Empty vault (vault + profile only): its first load of `/` is the "locked" first screen.
      {
        const { context, page } = await open(profiles.empty);
        server.setRoot(BENCH_DIST);
        const r = await seed(page, server, 'mode=empty');
        log(`empty vault seeded in ${r.ms} ms`);
        server.setRoot(DIST);
        locked = await firstScreen(page, url, DIST, SELECTORS.lockTitle);
        await installApp(page, server);
        await context.close();
      }
      // The caseload, then (still before the service worker exists) the in-page micro figures.
      if (!ONLY_SCREENS && !ONLY_EMPTY) {
        const { context, page } = await open(profiles.caseload);
        server.setRoot(BENCH_DIST);
        caseloadSeed = await seed(page, server, `mode=caseload&scale=${LOAD.scale}`);
        log(`caseload (${LOAD.scale}: ${CLIENTS} clients) seeded in ${(caseloadSeed.ms / 1000).toFixed(1)} s`);
        // --only=coldstart needs none of the in-page figures (a later full --reuse run then has none).
        if (!ONLY_SOME) {
          micro = await seed(page, server, `mode=micro&runs=${RUNS}`);
          dataReads = await seed(page, server, `mode=reads&runs=${RUNS}&scale=${LOAD.scale}`);
          // The export without the screen: its time, or the error the screen does not show.
          exportSeed = await seed(page, server, 'mode=export');
        }
        if (exportSeed)
          log(
            `data-layer export: ${exportSeed.exportOk ? `${exportSeed.exportMs} ms, ${exportSeed.exportChars} chars` : `failed after ${exportSeed.exportMs} ms: ${exportSeed.exportError}`}`,
          );
        log(
          `micro: unlock ${micro.unlockMs?.toFixed(0)} ms, completeScreening ${micro.completeScreeningMs?.toFixed(1)} ms`,
        );
        server.setRoot(DIST);
        await installApp(page, server);
        await context.close();
      }
    } catch (e) {
      await server.close();
      throw e;
    }
    if (REUSE) writeFileSync(stateFile, JSON.stringify({ caseloadSeed, micro, locked, dataReads }));
  }
  if (ONLY_EXPORT) {
    // The data layer's export first (the seeding page, served by the bench variant). The profile's
    // service worker would answer that navigation with the app's own page: it goes first.
    rmSync(`${profiles.caseload}/Default/Service Worker`, { recursive: true, force: true });
    const { context, page } = await open(profiles.caseload);
    server.setRoot(BENCH_DIST);
    exportSeed = await seed(page, server, 'mode=export', CPU_PROFILE);
    await context.close();
    log(
      `data-layer export: ${exportSeed.exportOk ? `${exportSeed.exportMs} ms, ${exportSeed.exportChars} chars` : `failed after ${exportSeed.exportMs} ms: ${exportSeed.exportError}`}`,
    );
  }
  if (ONLY_SOME) {
    // The reused profiles hold the service worker of the build they were seeded with: drop it (its
    // registration and caches live in the profile's "Service Worker" folder) and install this one.
    for (const dir of ONLY_EMPTY ? [profiles.empty] : [profiles.caseload, profiles.empty]) {
      rmSync(`${dir}/Default/Service Worker`, { recursive: true, force: true });
      server.setRoot(DIST);
      const { context, page } = await open(dir);
      await installApp(page, server);
      await context.close();
    }
    if (ONLY_ROUNDTRIP) {
      // The device the backup is restored onto: a fresh profile with an empty vault (same passphrase).
      const { context, page } = await open(profiles.restoreTarget);
      server.setRoot(BENCH_DIST);
      await seed(page, server, 'mode=empty');
      server.setRoot(DIST);
      await installApp(page, server);
      await context.close();
    }
    await server.close();
  }
  // First use: a fresh profile, onboarding.
  let firstUse: FirstScreen | null = null;
  let floor: FirstScreen | null = null;
  if (!ONLY_SOME) {
    server.setRoot(DIST);
    const { context, page } = await open(profiles.firstUse);
    firstUse = await firstScreen(page, url, DIST, 'Welkom bij Stapwijzer');
    await context.close();
    await server.close(); // from here on the app runs offline, from its service worker
    const floorServer = await startStaticServer(FLOOR_DIST);
    const floorProfile = await open(profiles.floor);
    floor = await firstScreen(floorProfile.page, `${floorServer.url}/`, FLOOR_DIST, 'Floor');
    await floorProfile.context.close();
    await floorServer.close();
    log(`first screen gzip: first use ${firstUse.gzip} B, locked ${locked.gzip} B, floor ${floor.gzip} B`);
  }

  const microResult = {
    deriveKekMs: micro.deriveKekMs,
    unlockMs: micro.unlockMs,
    completeScreeningMs: micro.completeScreeningMs,
    samples: micro.samples,
  };
  const summary = (xs: ColdStart[]) => ({
    runs: xs,
    lockVisibleMs: round(median(xs.map((x) => x.lockVisibleMs))),
    unlockToHomeMs: round(median(xs.map((x) => x.unlockToHomeMs))),
    ...(ONLY_EMPTY ? { afterKdfMs: round(median(xs.map((x) => x.afterKdfMs ?? 0))) } : {}),
    totalMs: round(median(xs.map((x) => x.totalMs))),
    homeBy: xs[0]?.homeBy ?? '',
  });
  let result: object;
  if (ONLY_ROUNDTRIP) {
    const file = `${REUSE_DIR}/roundtrip-backup.json`;
    try {
      const exported = await exportFromScreen(profiles.caseload, url, file);
      log(
        `export from the screen: ${exported.exportMs} ms to "opgeslagen", ${exported.downloadMs} ms to the end of the download, ${exported.bytes} B, ${exported.progressValues} progress values`,
      );
      log(`  heap while exporting: ${heapText(exported.heapExport)}`);
      log(`  heap while downloading: ${heapText(exported.heapDownload)}`);
      const restored = await restoreFromScreen(profiles.restoreTarget, url, file);
      log(
        `restore from the screen: check ${restored.verifyMs} ms, replace ${restored.swapMs} ms; clients in the file ${restored.clientsInFile}, on the device after ${restored.clientsAfter}`,
      );
      log(`  heap while checking: ${heapText(restored.heapVerify)}`);
      log(`  heap while replacing: ${heapText(restored.heapSwap)}`);
      const peak = Math.max(
        exported.heapExport.peakUsedMB,
        exported.heapDownload.peakUsedMB,
        restored.heapVerify.peakUsedMB,
        restored.heapSwap.peakUsedMB,
      );
      log(`round trip JS heap peak: ${peak} MB (goal ≤ 150 MB)`);
      result = { scale: LOAD.scale, exported, restored, peakUsedMB: peak };
    } finally {
      rmSync(file, { force: true });
    }
  } else if (ONLY_EXPORT) {
    const backup = await backupExport(profiles.caseload, url).catch((e: unknown) => ({
      ms: null,
      ok: false,
      progressValues: 0,
      status: e instanceof Error ? e.message : String(e),
      bytes: null,
    }));
    log(
      `backup export from the screen: ${backup.ok ? `${backup.ms} ms, ${backup.bytes} B, ${backup.progressValues} progress values` : `failed: ${backup.status}`}`,
    );
    result = { scale: LOAD.scale, backup, exportData: exportSeed };
  } else if (ONLY_COLDSTART) {
    const cold: { caseload: ColdStart[]; empty: ColdStart[] } = { caseload: [], empty: [] };
    for (let rep = 0; rep < REPS; rep++) {
      const profile = rep === 0 ? CPU_PROFILE : '';
      cold.caseload.push(await coldStart(profiles.caseload, url, caseloadSeed.expectedDue ?? 0, profile));
      cold.empty.push(await coldStart(profiles.empty, url, 0));
      const [c, e] = [cold.caseload.at(-1), cold.empty.at(-1)];
      log(
        `cold start rep ${rep + 1}: caseload ${c?.totalMs} ms (unlock → Vandaag ${c?.unlockToHomeMs}), empty ${e?.totalMs} ms (${e?.unlockToHomeMs})`,
      );
    }
    const [caseload, empty] = [summary(cold.caseload), summary(cold.empty)];
    log(
      `cold start median: caseload ${caseload.totalMs} ms vs empty ${empty.totalMs} ms = ${(caseload.totalMs / empty.totalMs).toFixed(2)}×; unlock → Vandaag ${caseload.unlockToHomeMs} vs ${empty.unlockToHomeMs} ms; lock screen ${caseload.lockVisibleMs} vs ${empty.lockVisibleMs} ms`,
    );
    result = { scale: LOAD.scale, coldStart: { caseload, empty } };
  } else if (ONLY_EMPTY) {
    const empty: ColdStart[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      empty.push(await coldStart(profiles.empty, url, 0, rep === 0 ? CPU_PROFILE : '', rep === 0 ? TIMELINE : ''));
      log(
        `cold start rep ${rep + 1}: empty ${empty.at(-1)?.totalMs} ms (unlock → Vandaag ${empty.at(-1)?.unlockToHomeMs}, after the key derivation ${empty.at(-1)?.afterKdfMs})`,
      );
    }
    const s = summary(empty);
    log(
      `empty median: cold start ${s.totalMs} ms, unlock → Vandaag ${s.unlockToHomeMs} ms (after the key derivation ${s.afterKdfMs} ms), lock screen ${s.lockVisibleMs} ms`,
    );
    result = { scale: 'empty', coldStart: { empty: s } };
  } else if (ONLY_SCREENS) {
    const empty: ColdStart[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      empty.push(await coldStart(profiles.empty, url, 0));
      log(`cold start rep ${rep + 1}: empty ${empty.at(-1)?.totalMs} ms`);
    }
    result = {
      viewport: VIEWPORT,
      scale: LOAD.scale,
      firstScreen: { firstUse, locked, floor },
      coldStart: { empty: summary(empty) },
    };
  } else {
    const cold: { caseload: ColdStart[]; empty: ColdStart[] } = { caseload: [], empty: [] };
    for (let rep = 0; rep < REPS; rep++) {
      cold.caseload.push(await coldStart(profiles.caseload, url, caseloadSeed.expectedDue ?? 0));
      cold.empty.push(await coldStart(profiles.empty, url, 0));
      log(
        `cold start rep ${rep + 1}: caseload ${cold.caseload.at(-1)?.totalMs} ms, empty ${cold.empty.at(-1)?.totalMs} ms`,
      );
    }
    const clients = await clientScreens(
      profiles.caseload,
      url,
      caseloadSeed.timelineClientIds ?? [],
      caseloadSeed.expectedDue ?? 0,
    );
    log(`search median ${clients.searchMedianMs} ms, timeline median ${clients.timelineMedianMs} ms`);
    log(`heap at Vandaag after unlock: ${clients.heap.home.usedMB} MB (${clients.heap.home.retainedMB} MB after GC)`);
    const indicators = await indicatorsScreen(profiles.caseload, url);
    log(`Praktijkcijfers open median ${indicators.medianMs} ms`);
    // Last: a failed export (e.g. out of memory at team scale) must not cost the figures above.
    const backup = await backupExport(profiles.caseload, url).catch((e: unknown) => ({
      ms: null,
      ok: false,
      progressValues: 0,
      status: e instanceof Error ? e.message : String(e),
      bytes: null,
    }));
    log(`backup export ${backup.ok ? `${backup.ms} ms, ${backup.bytes} B` : `failed: ${backup.status}`}`);
    result = {
      viewport: VIEWPORT,
      scale: LOAD.scale,
      caseload: LOAD,
      firstScreen: { firstUse, locked, floor },
      seed: { caseloadMs: caseloadSeed.ms, expectedDue: caseloadSeed.expectedDue },
      coldStart: { caseload: summary(cold.caseload), empty: summary(cold.empty) },
      clients,
      indicators,
      backup,
      exportData: exportSeed,
      dataReads,
      micro: microResult,
    };
  }
  result = { ...result, wallMs: Date.now() - t0 };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2));
  for (const dir of [
    profiles.firstUse,
    profiles.floor,
    profiles.restoreTarget,
    ...(REUSE ? [] : [profiles.caseload, profiles.empty]),
  ]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
