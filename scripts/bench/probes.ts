// In-page probes, as plain JavaScript source (not functions: tsx/esbuild may add helpers that do not
// exist in the page). Every time is performance.now() inside the page, so Playwright's round trips stay out.
// The selectors for what each screen shows live here, in one place.

/** The lock screen's h1 and the home screen's follow-up section (region labelled by #home-due). */
export const SELECTORS = {
  lockTitle: 'Stapwijzer is vergrendeld',
  dueSection: 'section[aria-labelledby="home-due"]',
  dueItems: 'section[aria-labelledby="home-due"] li',
  dueEmpty: 'section[aria-labelledby="home-due"] .empty',
  homeTitle: 'Vandaag',
  clientLinks: 'a[href^="/clients/"]:not([href="/clients/new"])',
  timelineItems: 'ol.timeline > li',
} as const;

/**
 * Installed before navigation: records when the lock screen's h1 appears (from navigation start),
 * when the unlock form is submitted, and the first frame after the home screen shows `expectedDue`
 * follow-ups (or, with 0, its empty state).
 */
export function coldStartProbe(expectedDue: number): string {
  return `(() => {
    const S = ${JSON.stringify(SELECTORS)};
    const EXPECTED = ${expectedDue};
    const b = (window.__bench = { lockVisible: null, submit: null, home: null, homeBy: null });
    // The follow-up list with the expected count; if the home screen has no such section (markup changed),
    // fall back to its "Vandaag" heading and say so (homeBy).
    const homeReady = () => {
      const section = document.querySelector(S.dueSection);
      if (section === null) {
        for (const h of document.querySelectorAll('h1')) if (h.textContent === S.homeTitle) return 'vandaag-heading';
        return null;
      }
      if (EXPECTED === 0) return document.querySelector(S.dueEmpty) !== null ? 'due-list' : null;
      return document.querySelectorAll(S.dueItems).length === EXPECTED ? 'due-list' : null;
    };
    const check = () => {
      if (b.lockVisible === null) {
        for (const h of document.querySelectorAll('h1')) if (h.textContent === S.lockTitle) b.lockVisible = performance.now();
      }
      if (b.submit !== null && b.homeBy === null) {
        const by = homeReady();
        if (by === null) return;
        b.homeBy = by;
        requestAnimationFrame(() => { b.home = performance.now(); });
      }
    };
    document.addEventListener('submit', () => { if (b.submit === null) b.submit = performance.now(); }, true);
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

/** Shared in-page helper: resolves with ms from `start()` to the first frame after `ready()` holds. */
const WAIT_FOR = `
  const waitFor = (ready, start, timeoutMs) => new Promise((resolve, reject) => {
    let t0 = 0;
    let done = false;
    const check = () => {
      if (done || !ready()) return;
      done = true;
      obs.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - t0));
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('timeout')); }, timeoutMs);
    t0 = performance.now();
    start();
    check();
  });`;

/** Types `query` into the client search box (one input event) and times until `expected` links show. */
export function searchProbe(query: string, expected: number): string {
  return `(async () => {
    ${WAIT_FOR}
    const input = document.querySelector('input[type="search"]');
    if (!input) throw new Error('no search box');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const count = () => document.querySelectorAll(${JSON.stringify(SELECTORS.clientLinks)}).length;
    return waitFor(() => count() === ${expected}, () => {
      setValue.call(input, ${JSON.stringify(query)});
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, 15000);
  })()`;
}

/** Clicks the client's link in the list and times until its timeline shows `entries` items. */
export function timelineProbe(clientId: string, entries: number): string {
  return `(async () => {
    ${WAIT_FOR}
    const link = document.querySelector('a[href="/clients/' + ${JSON.stringify(clientId)} + '"]');
    if (!link) throw new Error('client link not in the list');
    return waitFor(() => document.querySelectorAll(${JSON.stringify(SELECTORS.timelineItems)}).length === ${entries}, () => link.click(), 15000);
  })()`;
}

/** Runs `action` (in-page JS statement) and times until `count` client links are listed. */
export function listProbe(action: string, count: number): string {
  return `(async () => {
    ${WAIT_FOR}
    return waitFor(() => document.querySelectorAll(${JSON.stringify(SELECTORS.clientLinks)}).length === ${count}, () => { ${action} }, 30000);
  })()`;
}

/**
 * Installed before navigation: sums layout shifts (as CLS counts them: not after input) and names the
 * element that moved, so a shift on the first screen can be traced to what pushed it.
 */
export const LAYOUT_SHIFT_PROBE = `(() => {
  const shifts = (window.__shifts = []);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const node = e.sources && e.sources[0] && e.sources[0].node;
      const name = node && node.nodeType === 1 ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.className ? '.' + String(node.className).split(' ').join('.') : '') : String(node && node.nodeName);
      shifts.push({ at: Math.round(e.startTime), value: e.value, node: name });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/**
 * From Instellingen: clicks "Praktijkcijfers" and times until the Screenings table's grand total
 * shows at least `expectedScreenings` (the whole caseload decrypted, counted and rendered).
 */
export function indicatorsProbe(expectedScreenings: number, timeoutMs = 60_000): string {
  return `(async () => {
    ${WAIT_FOR}
    const link = document.querySelector('a[href="/settings/indicators"]');
    if (!link) throw new Error('no Praktijkcijfers link');
    const ready = () => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption && t.caption.textContent === 'Screenings');
      const cell = table && table.querySelector('tfoot td:last-child');
      return Boolean(cell) && Number(cell.textContent) >= ${expectedScreenings};
    };
    return waitFor(ready, () => link.click(), ${timeoutMs});
  })()`;
}

/**
 * On Back-up en gegevens: presses "Back-up downloaden" and times until the status line says the file
 * was saved (or failed). Samples the progress bar every 100 ms meanwhile: how many distinct values it
 * showed tells whether the professional saw the export move (a blocked main thread shows none).
 */
export function backupExportProbe(timeoutMs: number): string {
  return `(async () => {
    ${WAIT_FOR}
    const section = document.querySelector('section[aria-labelledby="backup-export"]');
    const button = section && section.querySelector('button');
    if (!button) throw new Error('no export button');
    const status = () => section.querySelector('[role="status"]').textContent || '';
    const seen = new Set();
    const sampler = setInterval(() => {
      const bar = section.querySelector('progress');
      if (bar) seen.add(bar.value + '/' + bar.max);
    }, 100);
    try {
      const ms = await waitFor(() => status().length > 0, () => button.click(), ${timeoutMs});
      return { ms, ok: /opgeslagen|saved/i.test(status()), progressValues: seen.size, status: status() };
    } finally {
      clearInterval(sampler);
    }
  })()`;
}

/**
 * Installed before navigation (browser.ts --timeline): records every IndexedDB transaction (stores,
 * mode, start and end) and every long task, so the timeline between the unlock submit and Vandaag can
 * be read in order beside the chunks the page fetched (resource timing, read by TIMELINE_READ).
 * It wraps IDBDatabase.prototype.transaction: a little slower, so timelines are never timed figures.
 */
export const TIMELINE_PROBE = `(() => {
  const log = (window.__timeline = []);
  const tx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const t = tx.call(this, stores, mode, options);
    const entry = { at: performance.now(), end: null, kind: 'idb', what: (mode || 'readonly') + ' ' + [].concat(stores).join(',') };
    log.push(entry);
    const done = () => { entry.end = performance.now(); };
    t.addEventListener('complete', done);
    t.addEventListener('abort', done);
    t.addEventListener('error', done);
    return t;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) log.push({ at: e.startTime, end: e.startTime + e.duration, kind: 'longtask', what: e.name });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Reads what TIMELINE_PROBE recorded, with the page's fetched scripts and styles (resource timing). */
export const TIMELINE_READ = `(() => [
  ...window.__timeline,
  ...performance.getEntriesByType('resource').map((e) => ({
    at: e.startTime,
    end: e.responseEnd,
    kind: 'fetch',
    what: e.name.replace(location.origin, ''),
  })),
])()`;

export interface TimelineEntry {
  at: number;
  end: number | null;
  kind: string;
  what: string;
}

/**
 * The entries from navigation to Vandaag, in start order, as lines relative to the unlock submit (the
 * lock screen's own work, still running at the submit, competes with the key derivation).
 */
export function timelineText(raw: unknown, submit: number, home: number): string {
  const entries = (raw as TimelineEntry[]).filter((e) => e.at <= home);
  entries.sort((a, b) => a.at - b.at);
  const ms = (x: number) => (x - submit).toFixed(1).padStart(7);
  const lines = entries.map(
    (e) => `${ms(e.at)} → ${e.end === null ? '   open' : ms(e.end)}  ${e.kind.padEnd(8)} ${e.what}`,
  );
  return `${[`unlock submit → Vandaag: ${(home - submit).toFixed(1)} ms (times from the submit)`, ...lines].join('\n')}\n`;
}

/**
 * Installed before navigation (browser.ts --only=empty): the time of the last message from a worker,
 * i.e. when the key derivation (Argon2id in its worker) answered. Unlock → Vandaag minus the
 * derivation is the part the app's own code decides; on a loaded machine the derivation's share
 * varies most, so both parts are reported.
 */
export const KDF_PROBE = `(() => {
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', () => { window.__kdfDone = performance.now(); });
    }
  };
})();`;
