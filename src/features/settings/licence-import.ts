/**
 * Importing a practice's licence pack (CONTENT.md §1). Decision: the validated result is written to
 * the CONTENT TABLES as the active version of its pack (same id and contentVersion, same build
 * digest), so every screen that reads content (useActivePacks) sees the licensed text without
 * knowing licence packs exist, and screenings keep pointing at the same pack version (scoring is
 * proven unchanged by the golden vectors). A record of what was imported is kept in the encrypted
 * setting 'licencePacks' for the settings screen. When an app update brings a new content version,
 * the bundled pack replaces it and the licence pack has to be imported again (the list says so).
 */
import * as v from 'valibot';
import { importLicencePack, LicencePackSchema } from '../../content';
import { importPack, isStorageError, packKey, type StapwijzerDb, type VaultSession } from '../../db';
import type { ContentPack, Text } from '../../domain';
import { sealLicenceDigest } from '../../runtime/content-integrity/verify-pack';
import { readSetting, writeSetting } from './use-setting';

export const LICENCE_PACKS_SETTING = 'licencePacks';

export const LicenceRecordSchema = v.object({
  id: v.string(),
  contentVersion: v.string(),
  packId: v.string(),
  packVersion: v.string(),
  holder: v.string(),
  importedAt: v.number(),
});
export const LicenceRecordsSchema = v.array(LicenceRecordSchema);
export type LicenceRecord = v.InferOutput<typeof LicenceRecordSchema>;

export type LicenceRefusal =
  | 'not-json'
  | 'not-a-licence-pack'
  | 'unknown-pack'
  | 'unknown-instrument'
  | 'other-version'
  | 'more-than-text'
  | 'incomplete'
  | 'content-check-failed'
  | 'storage-full'
  | 'storage-failed';

export interface LicenceAdded {
  readonly holder: string;
  readonly pack: Text;
  readonly instruments: readonly { readonly name: Text; readonly items: number }[];
}

export type LicenceImportResult = { ok: true; added: LicenceAdded } | { ok: false; reason: LicenceRefusal };

const LICENCE_CODES: Record<string, LicenceRefusal> = {
  'wrong-pack': 'unknown-pack',
  'unknown-instrument': 'unknown-instrument',
  'version-mismatch': 'other-version',
  'changes-more-than-text': 'more-than-text',
  'unknown-item': 'incomplete',
  'option-count-mismatch': 'incomplete',
  'incomplete-text': 'incomplete',
};

function packIdOf(json: unknown): string | null {
  if (json === null || typeof json !== 'object' || !('packId' in json)) return null;
  return typeof json.packId === 'string' ? json.packId : null;
}

/** Validates and applies a licence pack file's text against the active packs; stores it when accepted. */
export async function importLicenceFile(
  db: StapwijzerDb,
  session: VaultSession,
  fileText: string,
  activePacks: readonly ContentPack[],
  now = Date.now(),
): Promise<LicenceImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const packId = packIdOf(json);
  if (packId === null) return { ok: false, reason: 'not-a-licence-pack' };
  const base = activePacks.find((p) => p.id === packId);
  if (!base) return { ok: false, reason: 'unknown-pack' };
  const result = importLicencePack(base, json);
  if (!result.ok) {
    if (result.error.code === 'schema') return { ok: false, reason: 'not-a-licence-pack' };
    if (result.error.code === 'licence') {
      const code = result.error.details[0]?.split(':')[0] ?? '';
      return { ok: false, reason: LICENCE_CODES[code] ?? 'more-than-text' };
    }
    return { ok: false, reason: 'content-check-failed' };
  }
  const licensed = result.pack.instruments.filter((i) => i.licence.licensedBy !== undefined);
  const meta = v.parse(LicencePackSchema, json); // cannot fail: importLicencePack accepted it
  try {
    // Its text differs from the bundle, so a MAC under the data key vouches for it on every read (R41).
    const key = packKey(result.pack.id, result.pack.contentVersion);
    await importPack(db, result.pack, now, { licenceSeal: await sealLicenceDigest(session, key, result.pack, now) });
    const records = (await readSetting(session, LICENCE_PACKS_SETTING, LicenceRecordsSchema)) ?? [];
    const record: LicenceRecord = {
      id: meta.id,
      contentVersion: meta.contentVersion,
      packId: base.id,
      packVersion: base.contentVersion,
      holder: meta.holder,
      importedAt: now,
    };
    await writeSetting(session, LICENCE_PACKS_SETTING, LicenceRecordsSchema, [
      ...records.filter((r) => r.id !== record.id),
      record,
    ]);
  } catch (e) {
    return { ok: false, reason: isStorageError(e) && e.code === 'quota' ? 'storage-full' : 'storage-failed' };
  }
  return {
    ok: true,
    added: {
      holder: meta.holder,
      pack: base.title,
      instruments: licensed.map((i) => ({ name: i.name, items: i.items.length })),
    },
  };
}
