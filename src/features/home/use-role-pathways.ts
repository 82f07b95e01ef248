// The pathways of the professional's roles, in the order the roles file lists them, each with its
// active pack (for its name).

import type { ContentPack } from '../../domain';
import { useActivePacks } from '../../runtime/content/use-content';
import { pathwaysOf, useRoles } from '../../runtime/content/use-roles';
import { useProfile } from '../onboarding/use-profile';

/** Active packs of the profile's pathways; undefined while loading. */
export function useRolePathways(): readonly ContentPack[] | undefined {
  const profile = useProfile();
  const roles = useRoles();
  const packs = useActivePacks();
  if (profile === undefined || roles === null || packs === undefined) return undefined;
  return pathwaysOf(roles, profile?.roles ?? []).flatMap((id) => packs.filter((p) => p.id === id));
}
