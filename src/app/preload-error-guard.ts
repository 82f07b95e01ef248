// After an update, an old page may ask for a chunk the server no longer has. Vite then fires
// `vite:preloadError`. One reload (after flushing drafts) fetches the new shell; a second failure
// within the guard window shows the route's error element instead of a reload loop.
import { flushBeforeReload, isUpdateBlocked } from '../runtime/update/update-guards';

const KEY = 'stapwijzer.preloadReloadAt';
export const PRELOAD_RELOAD_WINDOW_MS = 10_000;

interface Deps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now: () => number;
  reload: () => void;
}

/** Decides and performs the guarded reload; returns whether it reloads. */
export async function handlePreloadError(event: Pick<Event, 'preventDefault'>, deps: Deps): Promise<boolean> {
  const last = Number(deps.storage.getItem(KEY) ?? 0);
  if (deps.now() - last < PRELOAD_RELOAD_WINDOW_MS || isUpdateBlocked()) return false;
  event.preventDefault(); // we handle it: do not throw into the route
  deps.storage.setItem(KEY, String(deps.now()));
  await flushBeforeReload();
  deps.reload();
  return true;
}

export function installPreloadErrorGuard(target: Window = window): void {
  target.addEventListener('vite:preloadError', (event) => {
    void handlePreloadError(event, {
      storage: sessionStorage,
      now: () => Date.now(),
      reload: () => target.location.reload(),
    });
  });
}
