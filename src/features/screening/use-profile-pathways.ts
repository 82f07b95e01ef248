// The pathways the professional works in: their profile roles mapped through the roles content file.

import type { PathwayId } from '../../domain';
import { pathwaysOf, useRoles } from '../../runtime/content/use-roles';
import { useProfile } from '../onboarding/use-profile';

export function useProfilePathways(): readonly PathwayId[] | undefined {
  const profile = useProfile();
  const roles = useRoles();
  if (profile === undefined || roles === null) return undefined;
  return pathwaysOf(roles, profile?.roles ?? []);
}
