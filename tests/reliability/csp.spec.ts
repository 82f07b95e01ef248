// R26: the strict Content-Security-Policy holds online (HTTP header) and offline (the service worker's
// cached shell keeps the header and the <meta> tag), and the suite's CSP guard is not vacuous: an
// injected inline script is blocked and the fixture counts the violation.
import type { Page, Response } from '@playwright/test';
import { expect, openAndWaitForServiceWorker, test } from '../support/fixtures';
import { expectControlled } from './support/releases';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectStrict(policy: string | undefined, where: string, options: { frameAncestors: boolean }): void {
  expect(policy, `${where}: policy present`).toBeTruthy();
  const d = directives(policy ?? '');
  expect(d.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(d.get('base-uri'), `${where}: base-uri`).toEqual(["'none'"]);
  if (options.frameAncestors) expect(d.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  expect(scripts.length, `${where}: script-src`).toBeGreaterThan(0);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:']) {
    expect(scripts, `${where}: script-src must not allow ${unsafe}`).not.toContain(unsafe);
  }
}

async function metaPolicy(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? undefined,
  );
}

test('R26 the shell carries a strict CSP online and offline, and an injected inline script is blocked', async ({
  page,
  context,
  server,
  guard,
}) => {
  let online: Response | null = null;
  await test.step('Given I open Stapwijzer online', async () => {
    online = await page.goto(server.url);
    await openAndWaitForServiceWorker(page, server.url);
  });

  await test.step('Then index.html arrives with a strict CSP header and meta tag', async () => {
    const headers = await (online as Response | null)?.allHeaders();
    expectStrict(headers?.['content-security-policy'], 'online header', { frameAncestors: true });
    expectStrict(await metaPolicy(page), 'online meta', { frameAncestors: false });
  });

  let offline: Response | null = null;
  await test.step('When I open it again offline, from the service worker cache', async () => {
    await page.reload();
    await expectControlled(page);
    await server.close();
    await context.setOffline(true);
    offline = await page.goto(`${server.url}/clients`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  await test.step('Then the cached shell keeps the CSP header and the meta tag', async () => {
    const response = offline as Response | null;
    expect(response?.fromServiceWorker(), 'served by the service worker').toBe(true);
    const headers = await response?.allHeaders();
    expectStrict(headers?.['content-security-policy'], 'offline header', { frameAncestors: true });
    expectStrict(await metaPolicy(page), 'offline meta', { frameAncestors: false });
  });

  await test.step('And an injected inline script is blocked and reported to the suite guard', async () => {
    const ran = await page.evaluate(async () => {
      const seen = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__cspProbe = true;';
      document.head.append(script);
      await seen;
      return (window as unknown as { __cspProbe?: boolean }).__cspProbe === true;
    });
    expect(ran, 'the inline script ran').toBe(false);
    // One report per enforced policy: the cached header and the meta tag both still apply offline.
    // An inline style injected after it is a marker: reports arrive in order, so once the marker's
    // two are in, every report the script caused is in too.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 0 }';
      document.head.append(style);
    });
    await expect.poll(() => guard.cspViolations.filter((v) => v.startsWith('style-src-elem')).length).toBe(2);
    expect(guard.cspViolations).toEqual([
      'script-src-elem inline',
      'script-src-elem inline',
      'style-src-elem inline',
      'style-src-elem inline',
    ]);
    guard.cspViolations.splice(0, guard.cspViolations.length);
  });
});
