// "Ready to work offline" is news once per device, not at every start (squoosh's habit).
const KEY = 'stapwijzer.offlineReadyShown';

export function shouldAnnounceOfflineReady(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  return storage.getItem(KEY) === null;
}

export function markOfflineReadyAnnounced(storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, '1');
}

export interface InstallEnvironment {
  /** A production build: only that registers the service worker (the dev server has none). */
  production: boolean;
  /** navigator.serviceWorker, undefined where the browser has none. */
  serviceWorker: Pick<ServiceWorkerContainer, 'controller'> | undefined;
  storage: Pick<Storage, 'getItem'>;
}

/**
 * True when this load is the device's first: no service worker controls the page yet and the one
 * announcement is still due, so "ready offline" will follow once the worker has installed. The prompt
 * keeps that line's room from the first render ("wordt klaargezet…"), so the screen below is not
 * pushed down when it arrives (layout shift on the first screen, issue 23).
 */
export function expectOfflineReady(env: InstallEnvironment): boolean {
  return env.production && env.serviceWorker !== undefined && env.serviceWorker.controller === null
    ? shouldAnnounceOfflineReady(env.storage)
    : false;
}

/** The browser's own environment (localStorage can throw when storage is disabled: then nothing is expected). */
export function browserInstallEnvironment(): InstallEnvironment | null {
  try {
    return {
      production: import.meta.env.PROD,
      serviceWorker:
        typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
      storage: localStorage,
    };
  } catch {
    return null;
  }
}
