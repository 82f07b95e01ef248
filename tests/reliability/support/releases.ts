// The releases a reliability spec can serve from its one static server (tests/support/static-server.ts):
// v1 is dist/ (the build under test); the others come from scripts/build-variants.mjs (globalSetup).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DIST } from '../../support/fixtures';

const VARIANT_DIRS = { v2: '.tmp/dist-v2', v3: '.tmp/dist-v3', crash: '.tmp/dist-crash' } as const;
export type Release = 'v1' | keyof typeof VARIANT_DIRS;

export function releaseDir(release: Release): string {
  if (release === 'v1') return DIST;
  // STAPWIJZER_RELEASE_V2=… etc. point a spec at another build (used to check the specs catch mutants).
  const dir = process.env[`STAPWIJZER_RELEASE_${release.toUpperCase()}`] ?? VARIANT_DIRS[release];
  if (!existsSync(join(dir, 'sw.js'))) {
    throw new Error(`${dir} is missing: run \`node scripts/build-variants.mjs\` (Playwright's globalSetup does)`);
  }
  return dir;
}

/** Which release the document in this tab came from (v1 = dist/, which carries no label). */
export function runningRelease(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.dataset.buildLabel ?? 'v1');
}

/**
 * What the hourly check does, now: ask the browser to fetch sw.js and install it if it changed. An
 * update() made while the browser's own check (at a navigation) still runs joins that check, which may
 * have fetched the old sw.js: so it asks again, a few times, until a new worker shows (or none comes).
 */
export async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('no service worker registration');
    for (let check = 0; check < 3; check++) {
      await registration.update();
      if (registration.installing ?? registration.waiting) return;
    }
  });
}

/** Marks the current document; the mark is gone once anything reloaded or navigated the tab. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
  });
}

export function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

/** The page is controlled by an active service worker (so the next load comes from its cache). */
export async function expectControlled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export const UPDATE_PROMPT = 'Er is een nieuwe versie van Stapwijzer.';

/** In-app navigation through the router (pushState + popstate), as a link without a full page load. */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * The new release is installed and waiting: its worker takes control (the only way the tab reloads
 * on an update) only when "Bijwerken" tells it to skip waiting; a self-activating worker never waits.
 */
export async function expectUpdateWaiting(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting?.state ?? 'no worker waiting';
      }),
    )
    .toBe('installed');
}
