/**
 * Resolves once the screen the unlock revealed has had its first frame and the main thread is idle
 * (at most a second later); outside a browser, at the next task. Background work an unlock starts
 * (the re-sealing check, team sync's start) waits for it, so its IndexedDB reads queue behind
 * Vandaag's instead of ahead of them (issue 23). Only for work that gates nothing the screen shows.
 */
export function afterUnlockIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}
