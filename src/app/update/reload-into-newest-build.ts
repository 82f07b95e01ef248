// A tab whose database was upgraded by a newer build in another tab (R13) must reload INTO that build.
// A plain reload is answered by the service worker that still controls this tab, i.e. the old build,
// which finds the newer schema, is fenced off again and shows the same modal: a reload loop. So: let the
// waiting worker (installed by the newer tab) take over first, then reload. Safe here: the stale tab's
// drafts were flushed and its connection closed before the modal showed.
const TAKE_OVER_TIMEOUT_MS = 3_000;

export async function reloadIntoNewestBuild(): Promise<void> {
  const reload = () => window.location.reload();
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (!registration) return reload();
  if (!registration.waiting && !registration.installing && navigator.onLine) {
    await registration.update().catch(() => {}); // the newer tab may not have registered its worker yet
  }
  const worker = registration.waiting ?? (await installed(registration.installing));
  if (!worker) return reload();
  navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
  worker.postMessage({ type: 'SKIP_WAITING' });
  setTimeout(reload, TAKE_OVER_TIMEOUT_MS); // the worker never took over: reload anyway
}

function installed(worker: ServiceWorker | null): Promise<ServiceWorker | null> {
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const settle = () => {
      if (worker.state === 'installed') resolve(worker);
      else if (worker.state === 'redundant' || worker.state === 'activated') resolve(null);
    };
    worker.addEventListener('statechange', settle);
    setTimeout(() => resolve(null), TAKE_OVER_TIMEOUT_MS);
  });
}
