/**
 * Loads a content pack: validate the schema → check integrity → compare the digest with the one
 * compiled into the app → run the pack's golden vectors. Any failure refuses the whole pack with
 * an error that names the pack and the field or vector.
 */
import * as v from 'valibot';
import type { ContentPack } from '../domain';
import { packDigest } from './digest';
import { runGoldenVectors } from './golden';
import { checkPackIntegrity } from './integrity';
import { type LoadResult, packIdOf, refuse, schemaIssues } from './load-result';
import { ContentPackSchema } from './schema';

export { type LoadError, type LoadErrorCode, type LoadResult, refuse, schemaIssues } from './load-result';
export { loadRoles } from './load-roles';

/** Validates a pack that has already been parsed and is known to be structurally sound. */
export function verifyPack(pack: ContentPack): LoadResult<ContentPack> {
  const integrity = checkPackIntegrity(pack);
  if (integrity.length > 0) return refuse('integrity', pack.id, `${integrity.length} integrity problem(s)`, integrity);
  const failures = runGoldenVectors(pack);
  if (failures.length > 0) {
    const details = failures.map((f) => `vector ${f.vectorId}: ${f.message}`);
    return refuse('golden-vector-failed', pack.id, `golden vector(s) failed: ${details.join('; ')}`, details);
  }
  return { ok: true, pack };
}

export async function loadPack(json: unknown, expectedDigest: string): Promise<LoadResult<ContentPack>> {
  const id = packIdOf(json);
  const parsed = v.safeParse(ContentPackSchema, json);
  if (!parsed.success)
    return refuse('schema', id, 'does not match the content-pack schema', schemaIssues(parsed.issues));
  const pack: ContentPack = parsed.output;
  const integrity = checkPackIntegrity(pack);
  if (integrity.length > 0) return refuse('integrity', id, `${integrity.length} integrity problem(s)`, integrity);
  const actual = await packDigest(json);
  if (actual !== expectedDigest || pack.digest !== actual) {
    return refuse(
      'digest-mismatch',
      id,
      'digest does not match the one built into the app (tampered or out-of-date pack)',
      [`expected ${expectedDigest}`, `computed ${actual}`, `declared in pack ${pack.digest}`],
    );
  }
  return verifyPack(pack);
}
