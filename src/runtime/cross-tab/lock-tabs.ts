/**
 * Lock, restore, wipe and a passphrase change reach every open tab at once (R43): the others drop
 * their data key, so none of them can save under a key that is no longer the vault's. Restore and
 * wipe announce BEFORE they write, so another tab is locked before the old key stops being valid.
 */
import { create } from 'zustand';
import type { VaultRuntime } from '../vault/vault-runtime';
import { type LockReason, onTabMessage, postToOtherTabs } from './channel';

interface LockedByOtherTab {
  reason: LockReason | null;
  clear: () => void;
}

/** Why this tab was locked by another one, for the lock screen. */
export const useLockedByOtherTab = create<LockedByOtherTab>((set) => ({
  reason: null,
  clear: () => set({ reason: null }),
}));

export function lockOtherTabs(reason: LockReason): void {
  postToOtherTabs({ type: 'lock', reason });
}

/** The lock button: this tab and every other. */
export function lockEverywhere(vault: VaultRuntime): void {
  vault.lock();
  lockOtherTabs('lock');
}

/** After a wipe: the other tabs start again (into onboarding). */
export function announceWiped(): void {
  postToOtherTabs({ type: 'wiped' });
}

let installed = false;

/** Called once at start: obey the other tabs. */
export function installCrossTabLocking(vault: VaultRuntime, reload: () => void = () => location.replace('/')): void {
  if (installed) return;
  installed = true;
  onTabMessage((message) => {
    if (message.type === 'lock') {
      // A tab that is not unlocked (lock screen, onboarding) has no key to drop.
      if (!vault.hasSession()) return;
      vault.lock();
      useLockedByOtherTab.setState({ reason: message.reason });
    } else if (message.type === 'wiped') reload();
  });
}
