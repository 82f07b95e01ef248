/**
 * Imports a practice's licence pack: validate it like any pack, apply it (text only, see
 * domain/licence.ts), then re-check integrity and re-run the base pack's golden vectors, which
 * proves scoring and routing are unchanged.
 */
import * as v from 'valibot';
import { applyLicencePack, type ContentPack } from '../domain';
import { type LoadResult, refuse, schemaIssues, verifyPack } from './loader';
import { LicencePackSchema } from './schema';

export function importLicencePack(pack: ContentPack, json: unknown): LoadResult<ContentPack> {
  const parsed = v.safeParse(LicencePackSchema, json);
  if (!parsed.success)
    return refuse(
      'schema',
      pack.id,
      'licence pack does not match the licence-pack schema',
      schemaIssues(parsed.issues),
    );
  const applied = applyLicencePack(pack, parsed.output);
  if (!applied.ok)
    return refuse('licence', pack.id, applied.error.message, [`${applied.error.code}: ${applied.error.message}`]);
  return verifyPack(applied.pack);
}
