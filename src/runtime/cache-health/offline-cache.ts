/**
 * Offline use rests on the service worker's precache in Cache Storage, which a browser (or a person
 * clearing "cached images and files") can delete on its own, leaving IndexedDB intact (R48). This
 * notices it, rebuilds the precache from the service worker's own manifest when online (the same
 * cache name and keys Workbox uses, so the worker serves from it again at once), and otherwise says
 * that offline use is gone until the device is online again.
 */

export type OfflineCacheStatus = 'ok' | 'not-installed' | 'recached' | 'lost-offline' | 'recache-failed';

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

export interface OfflineCacheDeps {
  caches: CacheStorage;
  serviceWorker: Pick<ServiceWorkerContainer, 'getRegistration'>;
  fetch: typeof fetch;
  online: () => boolean;
}

function defaultDeps(): OfflineCacheDeps | null {
  if (typeof caches === 'undefined' || typeof navigator === 'undefined' || !navigator.serviceWorker) return null;
  return {
    caches,
    serviceWorker: navigator.serviceWorker,
    fetch: (...a) => fetch(...a),
    online: () => navigator.onLine,
  };
}

/** Workbox's precache: `workbox-precache-v2-<scope>`. */
export const precacheName = (scope: string) => `workbox-precache-v2-${scope}`;

/** Workbox's cache key: the absolute URL, with `__WB_REVISION__` for files whose name has no hash. */
export function cacheKeyFor(entry: PrecacheEntry, scope: string): string {
  const url = new URL(entry.url, scope);
  if (entry.revision !== null) url.searchParams.set('__WB_REVISION__', entry.revision);
  return url.href;
}

/** The precache manifest as generated into sw.js: `{url:"…",revision:"…"|null}` entries. */
export function parsePrecacheManifest(swSource: string): PrecacheEntry[] {
  const entries: PrecacheEntry[] = [];
  for (const m of swSource.matchAll(/\{url:"([^"]+)",revision:(null|"([^"]*)")\}/g)) {
    entries.push({ url: m[1] ?? '', revision: m[2] === 'null' ? null : (m[3] ?? '') });
  }
  return entries;
}

async function manifest(deps: OfflineCacheDeps, scriptUrl: string): Promise<PrecacheEntry[]> {
  const response = await deps.fetch(scriptUrl, { cache: 'no-store' });
  if (!response.ok) throw new Error(`sw.js: ${response.status}`);
  return parsePrecacheManifest(await response.text());
}

/** Puts every missing precache entry back (fetched fresh from the server). */
async function recache(deps: OfflineCacheDeps, scope: string, entries: readonly PrecacheEntry[]): Promise<void> {
  const cache = await deps.caches.open(precacheName(scope));
  for (const entry of entries) {
    const key = cacheKeyFor(entry, scope);
    if (await cache.match(key)) continue;
    const response = await deps.fetch(new URL(entry.url, scope).href, { cache: 'reload' });
    if (!response.ok) throw new Error(`${entry.url}: ${response.status}`);
    await cache.put(key, response);
  }
}

export async function checkOfflineCache(deps: OfflineCacheDeps | null = defaultDeps()): Promise<OfflineCacheStatus> {
  if (!deps) return 'not-installed';
  const registration = await deps.serviceWorker.getRegistration();
  const worker = registration?.active;
  if (!registration || !worker) return 'not-installed';
  const scope = registration.scope;
  const cache = (await deps.caches.has(precacheName(scope))) ? await deps.caches.open(precacheName(scope)) : null;
  // The shell is the one file every offline start needs; without it the precache is gone or gutted.
  const shell = cache ? await cache.match(new URL('index.html', scope).href, { ignoreSearch: true }) : undefined;
  if (shell) return 'ok';
  if (!deps.online()) return 'lost-offline';
  try {
    await recache(deps, scope, await manifest(deps, worker.scriptURL));
    return 'recached';
  } catch {
    return deps.online() ? 'recache-failed' : 'lost-offline';
  }
}
