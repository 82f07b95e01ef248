// A tab whose database was upgraded by a newer build in another tab (R13) must reload INTO that build.
// A plain reload is answered by the service worker that still controls this tab, i.e. the old build,
// which finds the newer schema, is fenced off again and shows the same modal: a reload loop. So: let the
// waiting worker (installed by the newer tab) take over first, then reload. Safe here: the stale tab's
// drafts were flushed and its connection closed before the modal showed.
//
// The newer worker may not exist yet when "Herladen" is pressed: the newer tab loaded from the network
// and its worker installs in the background (a hundred files to precache; seconds on a busy phone). And
// `update()` can join a check the browser already runs and find nothing new. So the check is asked
// again until a worker appears, and its install is waited for; a loaded gate reloaded into the old build
// after the earlier 3-second wait and showed the modal again.
const FIND_TIMEOUT_MS = 15_000;
const INSTALL_TIMEOUT_MS = 30_000;
const TAKE_OVER_TIMEOUT_MS = 3_000;
const CHECKS = 5;

export async function reloadIntoNewestBuild(): Promise<void> {
  const reload = () => window.location.reload();
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (!registration) return reload();
  const found = registration.waiting ?? registration.installing ?? (await newWorker(registration));
  const worker = found && (found.state === 'installed' ? found : await installed(found));
  if (!worker) return reload();
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  worker.postMessage({ type: 'SKIP_WAITING' });
  setTimeout(reload, TAKE_OVER_TIMEOUT_MS); // the worker never took over: reload anyway
}

/** Asks for the newer worker (offline: none to find) until one appears, a few checks at most. */
async function newWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
  if (!navigator.onLine) return null;
  const appeared = new Promise<ServiceWorker | null>((resolve) => {
    registration.addEventListener('updatefound', () => resolve(registration.installing), { once: true });
    setTimeout(() => resolve(null), FIND_TIMEOUT_MS);
  });
  let settled = false;
  void appeared.then(() => {
    settled = true;
  });
  for (let i = 0; i < CHECKS && !settled; i += 1) {
    await registration.update().catch(() => {});
    const current = registration.waiting ?? registration.installing;
    if (current) return current;
  }
  return appeared;
}

function installed(worker: ServiceWorker): Promise<ServiceWorker | null> {
  return new Promise((resolve) => {
    const settle = () => {
      if (worker.state === 'installed') resolve(worker);
      else if (worker.state === 'redundant' || worker.state === 'activated') resolve(null);
    };
    worker.addEventListener('statechange', settle);
    settle();
    setTimeout(() => resolve(null), INSTALL_TIMEOUT_MS);
  });
}
