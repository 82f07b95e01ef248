/**
 * The packs shipped with the app, each checked against the digest compiled into the build.
 * JSON imports are bundled (and precached) by Vite; loading still validates everything.
 */
import type { ContentPack, PathwayId } from '../domain';
import { type LoadResult, loadPack } from './loader';
import caregivers from './packs/caregivers.json';
import { EXPECTED_DIGESTS } from './packs/expected-digests';
import postpartum from './packs/postpartum.json';
import relapsePrevention from './packs/relapse-prevention.json';

/** Raw bundled JSON, typed as unknown so nothing skips validation. */
export const BUNDLED_PACK_JSON: Readonly<Record<PathwayId, unknown>> = {
  postpartum,
  'relapse-prevention': relapsePrevention,
  caregivers,
};

export function loadBundledPack(id: PathwayId): Promise<LoadResult<ContentPack>> {
  return loadPack(BUNDLED_PACK_JSON[id], EXPECTED_DIGESTS[id]);
}

export { loadBundledRoles } from './bundled-roles';
