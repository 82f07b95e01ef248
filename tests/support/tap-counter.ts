// Counts what a professional does on a journey, in the page itself: taps (trusted pointer downs, and text
// fields entered without a tap: Playwright's fill focuses without one), the fields typed into, the
// screens (routes) passed and the distance scrolled. Reset at the start of the part being measured.
import type { Page } from '@playwright/test';

export interface Counts {
  taps: number;
  typedFields: number;
  screens: number;
  scrolledPx: number;
}

declare global {
  interface Window {
    __journey?: { taps: number; typed: Set<EventTarget>; paths: string[]; scrolled: number; lastY: number };
  }
}

/** Installs the counter on every document of the page (survives reloads); call once before the journey. */
export async function installTapCounter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { taps: 0, typed: new Set<EventTarget>(), paths: [location.pathname], scrolled: 0, lastY: 0 };
    window.__journey = state;
    let lastPointer: EventTarget | null = null;
    const isText = (el: EventTarget | null): el is HTMLElement =>
      el instanceof HTMLTextAreaElement ||
      (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(el.type));
    // One pointerdown per physical tap (a click on a label also clicks its input: counting clicks
    // would count that tap twice).
    document.addEventListener(
      'pointerdown',
      (e) => {
        if (!e.isTrusted) return;
        lastPointer = e.target;
        const j = window.__journey;
        if (j) j.taps += 1;
      },
      true,
    );
    document.addEventListener(
      'focusin',
      (e) => {
        const j = window.__journey;
        if (j && isText(e.target) && lastPointer !== e.target) j.taps += 1;
        lastPointer = null;
      },
      true,
    );
    document.addEventListener(
      'input',
      (e) => {
        if (isText(e.target)) window.__journey?.typed.add(e.target);
      },
      true,
    );
    const track = () => {
      const j = window.__journey;
      if (j && j.paths.at(-1) !== location.pathname + location.search)
        j.paths.push(location.pathname + location.search);
    };
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (...args: Parameters<History['pushState']>) => {
        original(...args);
        track();
      };
    }
    window.addEventListener('popstate', track);
    window.addEventListener(
      'scroll',
      () => {
        const j = window.__journey;
        if (!j) return;
        j.scrolled += Math.abs(window.scrollY - j.lastY);
        j.lastY = window.scrollY;
      },
      { passive: true },
    );
  });
}

export async function resetCounts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const j = window.__journey;
    if (!j) throw new Error('tap counter not installed');
    j.taps = 0;
    j.typed = new Set();
    j.paths = [location.pathname + location.search];
    j.scrolled = 0;
    j.lastY = window.scrollY;
  });
}

export async function readCounts(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const j = window.__journey;
    if (!j) throw new Error('tap counter not installed');
    return { taps: j.taps, typedFields: j.typed.size, screens: j.paths.length, scrolledPx: Math.round(j.scrolled) };
  });
}
