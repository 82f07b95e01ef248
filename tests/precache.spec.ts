// Offline works only for what the service worker precached (STYLE habit 8): this reads the built
// service worker and proves the chunk of every route of the router (tests/routes.ts), the shell and
// every content pack are in it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROUTE_PATHS } from '../src/app/route-paths';
import { EXPECTED_DIGESTS } from '../src/content/packs/expected-digests';
import { ROUTES, VISITS } from './routes';
import { readPrecacheUrls, readViteManifest } from './support/build-output';
import { DIST } from './support/fixtures';

test.describe('precache of the built service worker', () => {
  const precached = new Set(readPrecacheUrls(DIST));
  const manifest = readViteManifest(DIST);

  test('lists the shell: index.html, the entry chunk and its CSS, the manifest and icons', () => {
    expect(precached).toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    const entry = Object.values(manifest).find((c) => c.isEntry);
    expect(entry).toBeDefined();
    expect(precached).toContain(entry?.file);
    for (const icon of ['pwa-192x192.png', 'pwa-512x512.png', 'maskable-512x512.png'])
      expect(precached).toContain(icon);
  });

  test('lists every lazily loaded chunk', () => {
    const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry);
    expect(lazy.length).toBeGreaterThanOrEqual(ROUTES.filter((r) => r.module !== null).length);
    const missing = lazy.map((c) => c.file).filter((file) => !precached.has(file));
    expect(missing).toEqual([]);
  });

  test('the browser tests’ route table covers every route of the router', () => {
    expect(Object.keys(VISITS).sort()).toEqual([...ROUTE_PATHS].sort());
    expect(ROUTES.map((r) => r.path)).toEqual([...ROUTE_PATHS]);
  });

  for (const route of ROUTES) {
    test(`lists the chunk of ${route.path}${route.module ? ` (${route.module})` : ' (in the shell)'}`, () => {
      if (route.module === null) {
        const entry = Object.values(manifest).find((c) => c.isEntry);
        expect(entry?.src).toBe('index.html');
        expect(precached).toContain(entry?.file);
        return;
      }
      const chunk = manifest[route.module];
      expect(chunk?.isDynamicEntry, `${route.module} is a lazy route chunk`).toBe(true);
      expect(precached).toContain(chunk?.file);
    });
  }

  test('every lazily loaded page module belongs to a route of the table', () => {
    const pages = Object.values(manifest)
      .filter((c) => c.isDynamicEntry && c.src?.endsWith('.page.tsx'))
      .map((c) => c.src);
    const claimed = new Set(ROUTES.map((r) => r.module));
    expect(pages.filter((src) => !claimed.has(src ?? ''))).toEqual([]);
  });

  test('lists every content pack (bundled as modules, found by the digest compiled into the build)', () => {
    const chunks = [...precached]
      .filter((url) => url.endsWith('.js'))
      .map((url) => readFileSync(join(DIST, url), 'utf8'));
    const missing = Object.entries(EXPECTED_DIGESTS).filter(
      ([, digest]) => !chunks.some((code) => code.includes(digest)),
    );
    expect(Object.keys(EXPECTED_DIGESTS).length).toBeGreaterThanOrEqual(4); // three pathway packs + roles
    expect(missing).toEqual([]);
  });
});
