// Offline works only for what the service worker precached (STYLE habit 8): this reads the built
// service worker and proves every lazy route chunk, the shell and every content pack are in it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXPECTED_DIGESTS } from '../src/content/packs/expected-digests';
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

  test('lists every lazily loaded route chunk', () => {
    const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry);
    expect(lazy.length).toBeGreaterThanOrEqual(7); // home, screening, clients, client, cards, card, settings
    const missing = lazy.map((c) => c.file).filter((file) => !precached.has(file));
    expect(missing).toEqual([]);
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
