/**
 * The one channel between this app's open tabs (ARCHITECTURE "Tabs"). A BroadcastChannel delivers to
 * every OTHER tab of the origin; where it is missing (very old browsers, some test environments) the
 * messages are simply not sent — each tab then still works on its own.
 */

export type LockReason = 'lock' | 'restore' | 'wipe' | 'passphrase-change' | 'migration';

export type TabMessage =
  | { type: 'lock'; reason: LockReason }
  | { type: 'wiped' }
  | { type: 'draft-completed'; draftId: string };

const NAME = 'stapwijzer-tabs';
let channel: BroadcastChannel | null | undefined;
const listeners = new Set<(message: TabMessage) => void>();

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  if (typeof BroadcastChannel === 'undefined') {
    channel = null;
    return channel;
  }
  channel = new BroadcastChannel(NAME);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    for (const listener of listeners) listener(event.data);
  };
  return channel;
}

export function postToOtherTabs(message: TabMessage): void {
  open()?.postMessage(message);
}

/** Listens to the other tabs; returns the unsubscribe. */
export function onTabMessage(listener: (message: TabMessage) => void): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
