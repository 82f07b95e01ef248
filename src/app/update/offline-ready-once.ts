// "Ready to work offline" is news once per device, not at every start (squoosh's habit).
const KEY = 'stapwijzer.offlineReadyShown';

export function shouldAnnounceOfflineReady(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  return storage.getItem(KEY) === null;
}

export function markOfflineReadyAnnounced(storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, '1');
}
