// What must happen before a waiting service worker may take over (ARCHITECTURE: PWA).
// Features register a guard: `flush` saves open work (the screening draft), `blocks` says "not now"
// (hand-to-client mode). The update prompt and the preload-error reload both go through here.
export interface UpdateGuard {
  flush?: () => Promise<void>;
  blocks?: () => boolean;
}

const guards = new Set<UpdateGuard>();

export function registerUpdateGuard(guard: UpdateGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** True while any guard forbids reloading (e.g. the device is handed to a client). */
export function isUpdateBlocked(): boolean {
  for (const g of guards) if (g.blocks?.()) return true;
  return false;
}

/** Runs every flush; resolves when all open work is stored. */
export async function flushBeforeReload(): Promise<void> {
  await Promise.all([...guards].map((g) => g.flush?.()));
}
