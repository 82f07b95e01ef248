/**
 * Content read back from IndexedDB is re-hashed before the engine sees it (R41). A pack row is
 * trusted when its recomputed digest is one this app shipped (append-only history in the build) for
 * that pack id and version, or — for a licence pack, whose text differs from the bundle — when the
 * digest sealed under the data key at import opens and matches. Anything else is tampered.
 */
import { packDigest } from '../../content/digest';
import { isShippedDigest } from '../../content/packs/shipped-digests';
import type { PackRow, VaultSession } from '../../db';

/** 'unverified': a licence pack while locked (its MAC needs the data key) — not used, not deleted. */
export type PackVerdict = 'shipped' | 'licensed' | 'unverified' | 'tampered';

/** The AAD-bound clear fields of a licence pack's sealed digest (stored in the settings table's name space). */
export function licenceSealClear(row: Pick<PackRow, 'key'>, at: number) {
  return { id: `licence-pack-digest:${row.key}`, rev: 1, createdAt: at, updatedAt: at };
}

/** Seals a licence pack's digest under the data key, for storing with the pack row. */
export async function sealLicenceDigest(
  session: VaultSession,
  key: string,
  pack: PackRow['pack'],
  at: number,
): Promise<NonNullable<PackRow['licenceSeal']>> {
  // A MAC beside a content row, not a record: unpadded, v1 AAD (the stored seals keep that shape).
  const sealed = await session.sealManifest('settings', licenceSealClear({ key }, at), await packDigest(pack));
  return { iv: sealed.iv, ct: sealed.ct, at };
}

async function licenceSealMatches(row: PackRow, digest: string, session: VaultSession | null): Promise<boolean> {
  const seal = row.licenceSeal;
  if (!seal || !session) return false;
  try {
    const opened = await session.open<ReturnType<typeof licenceSealClear>, string>('settings', {
      ...licenceSealClear(row, seal.at),
      iv: seal.iv,
      ct: seal.ct,
    });
    return opened.data === digest;
  } catch {
    return false;
  }
}

export async function verifyPackRow(row: PackRow, session: VaultSession | null): Promise<PackVerdict> {
  const digest = await packDigest(row.pack);
  const named = row.pack.id === row.id && row.pack.contentVersion === row.contentVersion;
  if (named && digest === row.pack.digest && isShippedDigest(row.id, row.contentVersion, digest)) return 'shipped';
  if (named && row.licenceSeal && (!session || session.locked)) return 'unverified';
  if (named && (await licenceSealMatches(row, digest, session))) return 'licensed';
  return 'tampered';
}
