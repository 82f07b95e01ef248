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
  context: async ({ profileDir, guard }, use, testInfo) => {
    const context = await launchProfile(profileDir);
    await watch(context, guard);
    const tracing = process.env.STAPWIJZER_TRACE === '1';
    if (tracing) await context.tracing.start({ screenshots: true, snapshots: true });
    await use(context);
    if (tracing) {
      const failed = testInfo.status !== testInfo.expectedStatus;
      await context.tracing.stop(failed ? { path: testInfo.outputPath('trace.zip') } : {}).catch(() => {});
    }
    await context.close().catch(() => {});
  },
  page: async ({ context, guard }, use, testInfo) => {
    const page = context.pages()[0] ?? (await context.newPage());
    const loads: string[] = [];
    page.on('load', () => loads.push(new URL(page.url()).pathname));
    await use(page);
    // A failure in CI is seen only as printed text: say what the user saw at that moment.
    // CI shows a failure only as printed text. The list reporter prints a text attachment inside the
    // failure's summary, cut at 300 characters, so each part of what the user saw is one attachment.
    if (testInfo.status !== testInfo.expectedStatus)
      for (const [name, body] of await whatTheUserSaw(page, loads, guard))
        await testInfo.attach(name, { body: body || '(none)', contentType: 'text/plain' });
  },
});

/** The page's state after a failed test: where it was, whether it reloaded, what it said. */
async function whatTheUserSaw(page: Page, loads: readonly string[], guard: Guard): Promise<Array<[string, string]>> {
  const texts = (selector: string) =>
    page
      .locator(selector)
      .allInnerTexts()
      .then((all) => all.join(' | '))
      .catch((e: unknown) => `(unreadable: ${String(e)})`);
  const messages = await texts('[role="alert"], [role="status"], .form-errors, .field-error, .notice');
  const main = await texts('main');
  const tail = (lines: readonly string[]) => lines.join('\n').slice(-300);
  return [
    ['where', `${page.url()}; page loads: ${loads.join(' → ') || 'none'}; page errors: ${guard.pageErrors.length}`],
    ['messages on screen', messages.replace(/\s+/g, ' ')],
    ['main', main.replace(/\s+/g, ' ')],
    ['last console messages', tail(guard.consoleMessages)],
    ['page errors', tail(guard.pageErrors)],
  ];
}

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
    // With the first frames of its stack: an uncaught "Failed to fetch" names no caller by itself.
    page.on('pageerror', (error) => {
      const frames = (error.stack ?? '')
        .split('\n')
        .slice(1, 5)
        .map((l) => l.trim());
      guard.pageErrors.push([`${error.name}: ${error.message}`, ...frames].join(' | '));
    });
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
