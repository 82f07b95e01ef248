/**
 * Loads the roles file (role → pathways): schema, then the digest compiled into the app. Apart from the
 * pack loader so that first use (onboarding) does not load the engine that golden vectors need.
 */
import * as v from 'valibot';
import type { RolesFile } from '../domain';
import { packDigest } from './digest';
import { type LoadResult, refuse, schemaIssues } from './load-result';
import { RolesFileSchema } from './schema';

export async function loadRoles(json: unknown, expectedDigest: string): Promise<LoadResult<RolesFile>> {
  const parsed = v.safeParse(RolesFileSchema, json);
  if (!parsed.success) return refuse('schema', 'roles', 'does not match the roles schema', schemaIssues(parsed.issues));
  const actual = await packDigest(json);
  if (actual !== expectedDigest || parsed.output.digest !== actual) {
    return refuse('digest-mismatch', 'roles', 'digest does not match the one built into the app', [
      `expected ${expectedDigest}`,
      `computed ${actual}`,
    ]);
  }
  return { ok: true, pack: parsed.output };
}
