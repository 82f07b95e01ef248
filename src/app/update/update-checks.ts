// Checks for a new service worker at start (registration does that) and then hourly, only when online:
// a check offline would just fail, and the worker would otherwise be found only at the next launch.
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

interface Deps {
  isOnline: () => boolean;
  setInterval: (fn: () => void, ms: number) => unknown;
}

const defaultDeps: Deps = {
  isOnline: () => navigator.onLine,
  setInterval: (fn, ms) => window.setInterval(fn, ms),
};

export function scheduleUpdateChecks(
  registration: Pick<ServiceWorkerRegistration, 'update'>,
  deps: Deps = defaultDeps,
) {
  return deps.setInterval(() => {
    if (deps.isOnline()) registration.update().catch(() => {});
  }, UPDATE_CHECK_INTERVAL_MS);
}
