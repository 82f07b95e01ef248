// Hands the running vault to components (STYLE habit 14: the session comes from below, through
// context). Components call useVault(); nothing reaches for a module-level singleton.
import { createContext, type ReactNode, useContext } from 'react';
import type { StapwijzerDb } from '../../db/first-screen';
import type { VaultRuntime } from './vault-runtime';

const RuntimeContext = createContext<VaultRuntime | null>(null);

export function RuntimeProvider({ runtime, children }: { runtime: VaultRuntime; children: ReactNode }) {
  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
}

/** The running vault: `vault.db`, `vault.session()` (throws when locked), `vault.lock()`. */
export function useVault(): VaultRuntime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useVault() outside RuntimeProvider');
  return runtime;
}

/** The app's database (content tables, audit log, lifecycle). */
export function useDb(): StapwijzerDb {
  return useVault().db;
}
