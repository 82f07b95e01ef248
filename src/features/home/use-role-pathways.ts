// The pathways of the professional's roles, in the order the roles file lists them, each with its
// active pack (for its name). Roles come from the bundled, digest-checked roles file.
import { useEffect, useState } from 'react';
import { useActivePacks } from '../../app/content/use-content';
import type { ContentPack, RolesFile } from '../../domain';
import { useProfile } from '../onboarding/use-profile';

function useRolesFile(): RolesFile | null | undefined {
  const [roles, setRoles] = useState<RolesFile | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    import('../../content/bundled')
      .then((m) => m.loadBundledRoles())
      .then((result) => {
        if (live) setRoles(result.ok ? result.pack : null);
      })
      .catch(() => {
        if (live) setRoles(null);
      });
    return () => {
      live = false;
    };
  }, []);
  return roles;
}

/** Active packs of the profile's pathways; undefined while loading. */
export function useRolePathways(): readonly ContentPack[] | undefined {
  const profile = useProfile();
  const roles = useRolesFile();
  const packs = useActivePacks();
  if (profile === undefined || roles === undefined || packs === undefined) return undefined;
  const ids = new Set<string>();
  for (const role of roles?.roles ?? []) {
    if (profile?.roles.includes(role.id)) for (const p of role.pathways) ids.add(p);
  }
  return [...ids].flatMap((id) => packs.filter((p) => p.id === id));
}
