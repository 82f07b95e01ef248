import { describe, expect, it } from 'vitest';
import { cacheKeyFor, parsePrecacheManifest } from './offline-cache';

describe('rebuilding the precache (R48)', () => {
  it('reads the manifest Workbox generates into sw.js', () => {
    const sw = 'e.precacheAndRoute([{url:"index.html",revision:"72a5"},{url:"assets/a-Bd17.js",revision:null}],{})';
    expect(parsePrecacheManifest(sw)).toEqual([
      { url: 'index.html', revision: '72a5' },
      { url: 'assets/a-Bd17.js', revision: null },
    ]);
  });

  it("uses Workbox's cache keys: a revision parameter only for files without a hash in their name", () => {
    const scope = 'https://stapwijzer.example.nl/';
    expect(cacheKeyFor({ url: 'index.html', revision: '72a5' }, scope)).toBe(
      'https://stapwijzer.example.nl/index.html?__WB_REVISION__=72a5',
    );
    expect(cacheKeyFor({ url: 'assets/a-Bd17.js', revision: null }, scope)).toBe(
      'https://stapwijzer.example.nl/assets/a-Bd17.js',
    );
  });
});
