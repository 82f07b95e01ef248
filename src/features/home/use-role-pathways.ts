// The pathways of the professional's roles, in the order the roles file lists them, each with its
// active pack (for its name).
import { useActivePacks } from '../../app/content/use-content';
import { pathwaysOf, useRoles } from '../../app/content/use-roles';
import type { ContentPack } from '../../domain';
import { useProfile } from '../onboarding/use-profile';

/** Active packs of the profile's pathways; undefined while loading. */
export function useRolePathways(): readonly ContentPack[] | undefined {
  const profile = useProfile();
  const roles = useRoles();
  const packs = useActivePacks();
  if (profile === undefined || roles === null || packs === undefined) return undefined;
  return pathwaysOf(roles, profile?.roles ?? []).flatMap((id) => packs.filter((p) => p.id === id));
}
