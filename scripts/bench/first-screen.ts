// First screen: which JS and CSS files a fresh page load fetches, and their size gzipped (level 9,
// done here because the static server does not compress). Files are read from the build folder, so
// the figure is the same whether a response came from the network or the service worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface FirstScreen {
  files: { path: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  /** Layout shifts until the service worker is ready (+0.5 s): the sum as CLS counts it, and each shift. */
  cls?: number;
  shifts?: { at: number; value: number; node: string }[];
  /** Other fetched files (JSON content packs, manifest, icons) for information: not in the JS+CSS figure. */
  other: string[];
}

/** Starts recording the page's requests; call the returned function once the screen is shown and the network idle. */
export function recordFirstScreen(page: Page, root: string): () => FirstScreen {
  const paths = new Set<string>();
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http')) paths.add(url.pathname);
  });
  return () => {
    const files: FirstScreen['files'] = [];
    const other: string[] = [];
    for (const path of paths) {
      // sw.js is the service worker's script, fetched by the browser for registration, not by the screen.
      if (!/\.(js|css)$/.test(path) || path === '/sw.js') {
        if (path !== '/' && path !== '/sw.js') other.push(path);
        continue;
      }
      const body = readFileSync(join(root, path));
      files.push({ path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    files.sort((a, b) => b.gzip - a.gzip);
    return {
      files,
      raw: files.reduce((n, f) => n + f.raw, 0),
      gzip: files.reduce((n, f) => n + f.gzip, 0),
      other,
    };
  };
}
