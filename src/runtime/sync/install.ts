// Starts team sync when the vault is unlocked on a device that has a team, and stops it on lock.
// The engine (and PouchDB with it) is a separate chunk, imported only then: a device without a team
// never downloads it. One tab per device runs the engine (a Web Lock); the others see its writes
// through Dexie like any other tab's and show "sync runs in another tab".

import { deviceKey } from '../../db';
import { useSession } from '../session-store';
import type { VaultRuntime } from '../vault/vault-runtime';
import { type SyncEngineHandle, useSync } from './sync-store';
import { readTeam } from './team-settings';

const LOCK_NAME = 'stapwijzer-team-sync';

export function syncBaseUrl(): string {
  return `${location.origin}/sync/`;
}

export function installTeamSync(runtime: VaultRuntime): () => void {
  let generation = 0;
  let release: (() => void) | null = null;
  let engine: SyncEngineHandle | null = null;

  async function stop() {
    generation++;
    const running = engine;
    engine = null;
    release?.();
    release = null;
    useSync.getState().reset();
    await running?.stop();
  }

  async function start() {
    const mine = ++generation;
    if (!runtime.hasSession()) return;
    const session = runtime.session();
    const team = await readTeam(session).catch(() => null);
    if (!team || mine !== generation) return;
    // A team setting of another device key (a restored backup) does not sync: the device rejoins.
    if (team.deviceId) {
      const device = await deviceKey(session).catch(() => null);
      if (device?.deviceId !== team.deviceId || mine !== generation) return;
    }
    // An envelope under a generation this device lacks: once per engine, look for a rotation's key.
    let looked = false;
    const onForeignKey = () => {
      if (looked || !team.deviceId) return;
      looked = true;
      void import('./membership')
        .then((m) => m.refreshTeamKeys(session, team, syncBaseUrl()))
        .then(
          (next) => (next && mine === generation ? restartTeamSync() : undefined),
          () => {
            looked = false;
          },
        )
        .catch(failed);
    };
    const run = async () => {
      if (mine !== generation || session.locked) return;
      const { startEngine } = await import('./engine');
      if (mine !== generation || session.locked) return;
      engine = await startEngine({ session, team, baseUrl: syncBaseUrl(), onForeignKey });
      useSync.getState().set({ engine });
      // Held until lock (or a restart after the team setting changed): one engine per device.
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    useSync.getState().set({ phase: 'starting' });
    if (typeof navigator !== 'undefined' && navigator.locks) {
      // Not awaited: run() holds the lock until the vault locks (restartTeamSync awaits start()).
      navigator.locks
        .request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
          if (!lock) {
            if (mine === generation) useSync.getState().set({ phase: 'other-tab' });
            // Wait our turn: when the other tab locks or closes, this one takes over.
            navigator.locks.request(LOCK_NAME, run).catch(failed);
            return;
          }
          await run();
        })
        .catch(failed);
    } else await run();
  }

  /**
   * start() and stop() run from the session store's changes, never awaited: a failure (the server
   * gone while the engine started, the vault locked mid-way) shows as the sync state, never as an
   * uncaught rejection in the page.
   */
  function failed(e: unknown): void {
    console.warn('Stapwijzer sync: could not start or stop team sync', e);
    if (runtime.hasSession()) useSync.getState().set({ phase: 'error', error: 'failed' });
  }

  const unsubscribe = useSession.subscribe((s, prev) => {
    if (s.vaultStatus === prev.vaultStatus) return;
    if (s.vaultStatus === 'unlocked') start().catch(failed);
    else stop().catch(failed);
  });
  if (useSession.getState().vaultStatus === 'unlocked') start().catch(failed);
  restartHook = async () => {
    await stop();
    await start();
  };
  return () => {
    restartHook = null;
    unsubscribe();
    stop().catch(failed);
  };
}

let restartHook: (() => Promise<void>) | null = null;

/** Re-reads the team setting and restarts the engine (the Settings dev action calls this). */
export async function restartTeamSync(): Promise<void> {
  await restartHook?.();
}
