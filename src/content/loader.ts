/**
 * Loads a content pack: validate the schema → check integrity → compare the digest with the one
 * compiled into the app → run the pack's golden vectors. Any failure refuses the whole pack with
 * an error that names the pack and the field or vector.
 */
import * as v from 'valibot';
import type { ContentPack, RolesFile } from '../domain';
import { packDigest } from './digest';
import { runGoldenVectors } from './golden';
import { checkPackIntegrity } from './integrity';
import { ContentPackSchema, RolesFileSchema } from './schema';

export type LoadErrorCode = 'schema' | 'integrity' | 'digest-mismatch' | 'golden-vector-failed' | 'licence';

export interface LoadError {
  readonly code: LoadErrorCode;
  /** Pack id when it could be read, otherwise "unknown pack". */
  readonly packId: string;
  readonly message: string;
  /** One line per problem: a field path or a vector id with what went wrong. */
  readonly details: readonly string[];
}

export type LoadResult<T> = { readonly ok: true; readonly pack: T } | { readonly ok: false; readonly error: LoadError };

function packIdOf(json: unknown): string {
  if (json !== null && typeof json === 'object' && 'id' in json && typeof json.id === 'string') return json.id;
  return 'unknown pack';
}

export function refuse<T>(code: LoadErrorCode, packId: string, message: string, details: readonly string[]): LoadResult<T> {
  return { ok: false, error: { code, packId, message: `${packId}: ${message}`, details } };
}

export function schemaIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

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
  if (!parsed.success) return refuse('schema', id, 'does not match the content-pack schema', schemaIssues(parsed.issues));
  const pack: ContentPack = parsed.output;
  const integrity = checkPackIntegrity(pack);
  if (integrity.length > 0) return refuse('integrity', id, `${integrity.length} integrity problem(s)`, integrity);
  const actual = await packDigest(json);
  if (actual !== expectedDigest || pack.digest !== actual) {
    return refuse('digest-mismatch', id, 'digest does not match the one built into the app (tampered or out-of-date pack)', [
      `expected ${expectedDigest}`,
      `computed ${actual}`,
      `declared in pack ${pack.digest}`,
    ]);
  }
  return verifyPack(pack);
}

export async function loadRoles(json: unknown, expectedDigest: string): Promise<LoadResult<RolesFile>> {
  const parsed = v.safeParse(RolesFileSchema, json);
  if (!parsed.success) return refuse('schema', 'roles', 'does not match the roles schema', schemaIssues(parsed.issues));
  const actual = await packDigest(json);
  if (actual !== expectedDigest || parsed.output.digest !== actual) {
    return refuse('digest-mismatch', 'roles', 'digest does not match the one built into the app', [`expected ${expectedDigest}`, `computed ${actual}`]);
  }
  return { ok: true, pack: parsed.output };
}
