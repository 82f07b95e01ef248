// The pathways the professional works in: their profile roles mapped through the roles content file
// (roles.json, digest-checked), never a mapping in code.
import { useEffect, useState } from 'react';
import type { PathwayId, Role } from '../../domain';
import { useProfile } from '../onboarding/use-profile';

export function useProfilePathways(): readonly PathwayId[] | undefined {
  const profile = useProfile();
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
  if (profile === undefined || roles === null) return undefined;
  const chosen = new Set<string>(profile?.roles ?? []);
  const out: PathwayId[] = [];
  for (const role of roles) {
    if (!chosen.has(role.id)) continue;
    for (const p of role.pathways) if (!out.includes(p)) out.push(p);
  }
  return out;
}
