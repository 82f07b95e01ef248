import { useEffect, useState } from 'react';
import type { Role } from '../../domain';

/** The roles from the bundled, digest-checked roles file (loaded lazily: only settings and onboarding need it). */
export function useRoles(): readonly Role[] | null {
  const [roles, setRoles] = useState<readonly Role[] | null>(null);
  useEffect(() => {
    let live = true;
    import('../../content/bundled')
      .then((m) => m.loadBundledRoles())
      .then((result) => {
        if (live) setRoles(result.ok ? result.pack.roles : []);
      })
      .catch(() => {
        if (live) setRoles([]);
      });
    return () => {
      live = false;
    };
  }, []);
  return roles;
}
