// R1 driver: save notes in a loop through the crash-harness page (real vault + notes repository),
// SIGKILL the browser at a random moment, relaunch on the same profile and check every acknowledged save.
import type { BrowserContext, Page } from '@playwright/test';
import { launchProfile } from '../../support/chromium';
import { type Guard, watch } from '../../support/fixtures';
import { PASSPHRASE } from '../../support/onboard';
import { browserPids, killNow, waitForExit } from './kill-browser';

export const HARNESS_PATH = '/tests/reliability/harness/crash-harness.html';

export interface RunResult {
  run: number;
  acknowledged: number;
  killedAfterAck: number;
  stored: number;
  lostAcknowledged: string[];
  unacknowledgedStored: number;
  damaged: number;
  rawRows: number;
}

interface Verification {
  notes: string[];
  damaged: number;
  rawNoteRows: number;
}

interface HarnessWindow {
  crashHarness: {
    unlock(passphrase: string): Promise<void>;
    saveLoop(run: number, saves: number): Promise<void>;
    verify(): Promise<Verification>;
  };
}

async function openHarness(context: BrowserContext, url: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url + HARNESS_PATH);
  await page.locator('#status', { hasText: 'klaar' }).waitFor();
  await page.evaluate((p) => (window as unknown as HarnessWindow).crashHarness.unlock(p), PASSPHRASE);
  return page;
}

export async function verifyProfile(context: BrowserContext, url: string): Promise<Verification> {
  const page = await openHarness(context, url);
  return page.evaluate(() => (window as unknown as HarnessWindow).crashHarness.verify());
}

/** One run: relaunch, save up to `saves` notes, kill after a random number of acknowledgements. */
export async function crashRun(options: {
  profileDir: string;
  url: string;
  guard: Guard;
  run: number;
  saves: number;
  random: () => number;
  expectedBefore: Set<string>;
}): Promise<{ result: RunResult; stored: string[] }> {
  const { profileDir, url, guard, run, saves, random } = options;
  const context = await launchProfile(profileDir);
  await watch(context, guard);
  const pids = browserPids(profileDir);
  if (pids.length === 0) throw new Error(`no browser process found for ${profileDir}`);
  const killAt = 1 + Math.floor(random() * (saves - 1));
  const acknowledged: string[] = [];
  // The kill happens inside the acknowledgement itself, with no await in between: the save after it is
  // as fresh as it can be (an acknowledgement sent before its commit would then be lost and caught).
  await context.exposeBinding('__ackSave', (_source, text: string) => {
    acknowledged.push(text);
    if (acknowledged.length === killAt) killNow(pids);
  });
  const page = await openHarness(context, url);
  // Ends with the kill (the browser is gone, so the evaluation rejects), or with the loop if it ended
  // before reaching the kill, which makes this run meaningless: then it fails.
  await page
    .evaluate(({ r, n }) => (window as unknown as HarnessWindow).crashHarness.saveLoop(r, n), { r: run, n: saves })
    .catch(() => {});
  if (acknowledged.length < killAt) {
    throw new Error(`run ${run}: the save loop ended after ${acknowledged.length} acknowledgements, before the kill`);
  }
  const killedAfterAck = acknowledged.length;
  await waitForExit(pids);
  await context.close().catch(() => {});

  const check = await launchProfile(profileDir);
  await watch(check, guard);
  const found = await verifyProfile(check, url);
  await check.close();

  const stored = new Set(found.notes);
  const expected = new Set([...options.expectedBefore, ...acknowledged]);
  const lostAcknowledged = [...expected].filter((t) => !stored.has(t));
  const unacknowledgedStored = found.notes.filter((t) => !expected.has(t)).length;
  return {
    stored: found.notes,
    result: {
      run,
      acknowledged: acknowledged.length,
      killedAfterAck,
      stored: found.notes.length,
      lostAcknowledged,
      unacknowledgedStored,
      damaged: found.damaged,
      rawRows: found.rawNoteRows,
    },
  };
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with STAPWIJZER_CRASH_SEED. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
