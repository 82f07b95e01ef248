// The pathways the professional works in: their profile roles mapped through the roles content file.
import { pathwaysOf, useRoles } from '../../app/content/use-roles';
import type { PathwayId } from '../../domain';
import { useProfile } from '../onboarding/use-profile';

export function useProfilePathways(): readonly PathwayId[] | undefined {
  const profile = useProfile();
  const roles = useRoles();
  if (profile === undefined || roles === null) return undefined;
  return pathwaysOf(roles, profile?.roles ?? []);
}
