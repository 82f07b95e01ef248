// Debian's Chromium, driven by Playwright with a fresh profile per launch (toolchain.md pitfall 8).
// The flags keep Chromium from calling out on this machine's closed network.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'stapwijzer-profile-'));
}

/** A persistent context, so a test can kill the browser and relaunch it on the same profile. */
export async function launchProfile(
  profileDir: string,
  options: {
    viewport?: { width: number; height: number };
    timezoneId?: string;
    /** Extra Chromium flags, after the usual ones (e.g. a fake camera: tests/support/fake-camera.ts). */
    args?: string[];
  } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROME_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'allow',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
}
