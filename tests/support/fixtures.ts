// Browser-test fixtures: every test gets its own static server for dist/, its own fresh Chromium profile
// (persistent, so it can be killed and relaunched), and a guard that fails the test on any page error
// or Content-Security-Policy violation (R26: 0 violations across the whole suite).
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { freshProfileDir, launchProfile } from './chromium';
import { type StaticServer, startStaticServer } from './static-server';

export interface Guard {
  pageErrors: string[];
  cspViolations: string[];
  consoleMessages: string[];
  /** Call when a test provokes errors on purpose. */
  allowPageErrors: () => void;
}

interface Fixtures {
  server: StaticServer;
  profileDir: string;
  context: BrowserContext;
  page: Page;
  guard: Guard;
}

export const DIST = process.env.STAPWIJZER_DIST ?? 'dist';

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument.
  server: async ({}, use) => {
    const server = await startStaticServer(DIST);
    await use(server);
    await server.close();
  },
  // biome-ignore lint/correctness/noEmptyPattern: see above
  profileDir: async ({}, use) => {
    await use(freshProfileDir());
  },
  // biome-ignore lint/correctness/noEmptyPattern: see above
  guard: async ({}, use) => {
    let pageErrorsAllowed = false;
    const guard: Guard = {
      pageErrors: [],
      cspViolations: [],
      consoleMessages: [],
      allowPageErrors: () => {
        pageErrorsAllowed = true;
      },
    };
    await use(guard);
    expect(guard.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    if (!pageErrorsAllowed) expect(guard.pageErrors, 'uncaught page errors').toEqual([]);
  },
  context: async ({ profileDir, guard }, use) => {
    const context = await launchProfile(profileDir);
    await watch(context, guard);
    await use(context);
    await context.close().catch(() => {});
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

/** Wires a context's pages into the guard; call again for a relaunched context. */
export async function watch(context: BrowserContext, guard: Guard): Promise<void> {
  await context.exposeBinding('__stapwijzerCsp', (_source, directive: string) => {
    guard.cspViolations.push(directive);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __stapwijzerCsp?: (d: string) => void }).__stapwijzerCsp;
      report?.(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const attach = (page: Page) => {
    page.on('pageerror', (error) => guard.pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => guard.consoleMessages.push(message.text()));
  };
  context.pages().forEach(attach);
  context.on('page', attach);
}

/** Loads the app and waits until its service worker is installed (precache complete). */
export async function openAndWaitForServiceWorker(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

export { expect };
