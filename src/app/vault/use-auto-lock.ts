// Auto-lock (R24): after an idle period without input, and when the app comes back after being
// hidden for a while. Open drafts are flushed first (they are saved encrypted), then the key is dropped.
// The idle period is the 'autoLockMinutes' setting (vault-gate passes it in). A sleeping device may
// delay timers, so coming back also compares wall-clock time with the last input. A backup export or
// restore holds it off while it runs (runtime/vault/auto-lock-hold.ts).
import { useEffect } from 'react';
import { flushBeforeReload } from '../../runtime/update/update-guards';
import { autoLockHeld } from '../../runtime/vault/auto-lock-hold';
import { useVault } from '../../runtime/vault/runtime-context';
import type { VaultRuntime } from '../../runtime/vault/vault-runtime';

export const DEFAULT_IDLE_LOCK_MS = 5 * 60 * 1000;
export const HIDDEN_LOCK_MS = 60 * 1000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

async function flushThenLock(vault: VaultRuntime) {
  await flushBeforeReload().catch(() => {});
  vault.lock();
}

export function useAutoLock(idleMs: number = DEFAULT_IDLE_LOCK_MS, hiddenMs: number = HIDDEN_LOCK_MS): void {
  const vault = useVault();
  useEffect(() => {
    const lockNow = () => {
      if (autoLockHeld()) return restart();
      void flushThenLock(vault);
    };
    let timer = window.setTimeout(lockNow, idleMs);
    let hiddenAt: number | null = null;
    let lastInput = Date.now();
    const restart = () => {
      lastInput = Date.now();
      window.clearTimeout(timer);
      timer = window.setTimeout(lockNow, idleMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        return;
      }
      const now = Date.now();
      const away = hiddenAt === null ? 0 : now - hiddenAt;
      hiddenAt = null;
      if (away >= hiddenMs || now - lastInput >= idleMs) lockNow();
      else restart();
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [vault, idleMs, hiddenMs]);
}
