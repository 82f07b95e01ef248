/**
 * The roles file alone (role → pathways), checked against the digest compiled into the build. Kept
 * apart from bundled.ts so the screens that only need roles (onboarding, settings, Vandaag) do not pull
 * the three content packs into their chunk.
 */
import type { RolesFile } from '../domain';
import type { LoadResult } from './load-result';
import { loadRoles } from './load-roles';
import { EXPECTED_DIGESTS } from './packs/expected-digests';
import roles from './packs/roles.json';

export function loadBundledRoles(): Promise<LoadResult<RolesFile>> {
  return loadRoles(roles, EXPECTED_DIGESTS.roles);
}
