// The roles content file (role → pathways), loaded once per page and shared by every screen that needs
// it: onboarding, settings, Vandaag and the screening start. Never a mapping in code.
import { useEffect, useState } from 'react';
import type { Role } from '../../domain';

let cached: Promise<readonly Role[]> | null = null;

function loadRoles(): Promise<readonly Role[]> {
  cached ??= import('../../content/bundled-roles')
    .then((m) => m.loadBundledRoles())
    .then((result) => (result.ok ? result.pack.roles : []))
    .catch(() => []);
  return cached;
}

/**
 * Starts loading the roles now. Onboarding calls for them at its first render; started together with
 * onboarding's own chunk, the roles file does not wait for that chunk to arrive first (one round trip
 * less on the first-use screen, issue 23).
 */
export function preloadRoles(): void {
  void loadRoles();
}

/** The roles; null while loading, [] when the file was refused (the screens then say nothing fits). */
export function useRoles(): readonly Role[] | null {
  const [roles, setRoles] = useState<readonly Role[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadRoles().then((loaded) => {
      if (live) setRoles(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return roles;
}

/** The pathways of the given roles, in the order the roles file lists them. */
export function pathwaysOf(roles: readonly Role[], chosen: readonly string[]): Role['pathways'][number][] {
  const out: Role['pathways'][number][] = [];
  for (const role of roles) {
    if (!chosen.includes(role.id)) continue;
    for (const p of role.pathways) if (!out.includes(p)) out.push(p);
  }
  return out;
}
