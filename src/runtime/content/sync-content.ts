// Keeps the content tables in step with the packs bundled in this build. At start the active pack
// digests are compared with the digests compiled into the app (a tiny module); only when one differs
// (first run, or an app update that changed content) is the content chunk loaded, every pack validated
// (schema, digest, golden vectors) and imported in one transaction per pack. A refused pack leaves the
// version already installed active, and the refusal is reported, never silently skipped.

import { EXPECTED_DIGESTS } from '../../content/packs/expected-digests';
import { listActivePacks, type StapwijzerDb, syncBundledPacks } from '../../db/first-screen';
import type { ContentPack } from '../../domain';
import { PATHWAY_IDS } from '../../domain';

export interface ContentSyncResult {
  imported: string[];
  refused: { packId: string; message: string }[];
}

export async function contentIsCurrent(db: StapwijzerDb): Promise<boolean> {
  const active = await listActivePacks(db);
  return PATHWAY_IDS.every((id) => active.some((p) => p.id === id && p.digest === EXPECTED_DIGESTS[id]));
}

export async function syncContent(db: StapwijzerDb): Promise<ContentSyncResult> {
  if (await contentIsCurrent(db)) return { imported: [], refused: [] };
  const { loadBundledPack } = await import('../../content/bundled');
  const valid: ContentPack[] = [];
  const refused: ContentSyncResult['refused'] = [];
  for (const id of PATHWAY_IDS) {
    const result = await loadBundledPack(id);
    if (result.ok) valid.push(result.pack);
    else refused.push({ packId: id, message: result.error.message });
  }
  const report = await syncBundledPacks(db, valid);
  return { imported: report.imported, refused };
}
