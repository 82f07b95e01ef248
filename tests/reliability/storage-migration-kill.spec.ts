// R40 / issue 17: the v5 re-sealing migration survives a SIGKILL at a random batch. A caseload in the
// old row shape (600 rows) is re-sealed through the crash-harness page (real vault, production KDF,
// the real migration); the browser is killed the moment a random batch is acknowledged as committed,
// relaunched on the same profile, and the migration resumes: every row in the new shape, none damaged,
// and the decrypted records identical to what they were before the migration.
import type { Page } from '@playwright/test';
import { launchProfile } from '../support/chromium';
import { expect, test, watch } from '../support/fixtures';
import { onboard, PASSPHRASE } from '../support/onboard';
import { HARNESS_PATH, seeded } from './support/crash-runs';
import { browserPids, killNow, waitForExit } from './support/kill-browser';
import { releaseDir } from './support/releases';

const SEED = Number(process.env.STAPWIJZER_CRASH_SEED ?? Date.now() % 1_000_000);
const CLIENTS = 60; // × 10 rows each
const BATCH = 25;

interface Check {
  rows: number;
  oldShape: number;
  damaged: number;
  digest: string;
  state: string | null;
}
interface HarnessWindow {
  crashHarness: {
    unlock(passphrase: string): Promise<void>;
    seedOldShape(passphrase: string, clients: number): Promise<void>;
    reseal(batchSize: number): Promise<void>;
    checkReseal(): Promise<Check>;
  };
}
async function openHarness(page: Page, url: string): Promise<Page> {
  await page.goto(url + HARNESS_PATH);
  await page.locator('#status', { hasText: 'klaar' }).waitFor();
  await page.evaluate((p) => (window as unknown as HarnessWindow).crashHarness.unlock(p), PASSPHRASE);
  return page;
}

test('v5 migration: SIGKILL at a random batch, relaunch, resume: all 600 rows re-sealed, none lost or changed', async ({
  server,
  profileDir,
  guard,
}) => {
  test.setTimeout(180_000); // onboarding, three launches with production-KDF unlocks, 600 rows sealed twice
  test.info().annotations.push({ type: 'seed', description: String(SEED) });
  server.setRoot(releaseDir('crash'));
  const snap: { before?: Check } = {};

  await test.step('Given a profile with 600 rows in the old shape', async () => {
    const context = await launchProfile(profileDir);
    await watch(context, guard);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await onboard(page);
    await openHarness(page, server.url);
    await page.evaluate(({ p, n }) => (window as unknown as HarnessWindow).crashHarness.seedOldShape(p, n), {
      p: PASSPHRASE,
      n: CLIENTS,
    });
    const before = await page.evaluate(() => (window as unknown as HarnessWindow).crashHarness.checkReseal());
    expect(before.oldShape).toBeGreaterThanOrEqual(600);
    expect(before.state).toBe('pending');
    snap.before = before;
    await context.close();
  });

  const killAt = 1 + Math.floor(seeded(SEED)() * 15); // of ≥ 24 batches
  await test.step(`When the browser is killed as batch ${killAt} is acknowledged`, async () => {
    const context = await launchProfile(profileDir);
    await watch(context, guard);
    const pids = browserPids(profileDir);
    expect(pids.length).toBeGreaterThan(0);
    let batches = 0;
    await context.exposeBinding('__ackBatch', () => {
      batches += 1;
      if (batches === killAt) killNow(pids);
    });
    const page = await openHarness(context.pages()[0] ?? (await context.newPage()), server.url);
    await page.evaluate((b) => (window as unknown as HarnessWindow).crashHarness.reseal(b), BATCH).catch(() => {});
    expect(batches, 'the migration ended before the kill').toBe(killAt);
    await waitForExit(pids);
    await context.close().catch(() => {});
  });

  await test.step('Then after a relaunch it resumes and ends with every row re-sealed and unchanged', async () => {
    const context = await launchProfile(profileDir);
    await watch(context, guard);
    const page = await openHarness(context.pages()[0] ?? (await context.newPage()), server.url);
    const halfway = await page.evaluate(() => (window as unknown as HarnessWindow).crashHarness.checkReseal());
    console.log(`migration kill: at batch ${killAt}, ${halfway.oldShape} of ${halfway.rows} rows still old`);
    expect(halfway.state).toBe('running');
    expect(halfway.oldShape).toBeGreaterThan(0);
    expect(halfway.oldShape).toBeLessThan(snap.before?.oldShape ?? 0);
    expect(halfway.digest, 'records read the same halfway').toBe(snap.before?.digest);
    await page.evaluate((b) => (window as unknown as HarnessWindow).crashHarness.reseal(b), BATCH);
    const after = await page.evaluate(() => (window as unknown as HarnessWindow).crashHarness.checkReseal());
    expect(after).toEqual({
      rows: snap.before?.rows,
      oldShape: 0,
      damaged: 0,
      digest: snap.before?.digest,
      state: 'done',
    });
    await context.close();
  });
});
