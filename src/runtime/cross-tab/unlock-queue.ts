/**
 * Unlock attempts are serialised across tabs (R44) with a Web Lock, so each attempt reads the backoff
 * the previous one wrote: N tabs guessing at once get one guess and N − 1 waits, not N free guesses.
 * Without the Web Locks API (very old browsers) attempts run unserialised, as before.
 */
const UNLOCK_LOCK = 'stapwijzer-unlock';

export function serialisedUnlock<T>(attempt: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return attempt();
  return navigator.locks.request(UNLOCK_LOCK, { mode: 'exclusive' }, attempt);
}
