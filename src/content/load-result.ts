/** The outcome of loading a content file: the validated file, or one error naming the file and each problem. */
import { type BaseIssue, getDotPath } from 'valibot';

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

export function packIdOf(json: unknown): string {
  if (json !== null && typeof json === 'object' && 'id' in json && typeof json.id === 'string') return json.id;
  return 'unknown pack';
}

export function refuse<T>(
  code: LoadErrorCode,
  packId: string,
  message: string,
  details: readonly string[],
): LoadResult<T> {
  return { ok: false, error: { code, packId, message: `${packId}: ${message}`, details } };
}

export function schemaIssues(issues: readonly BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => `${getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}
