// The gate every pulled envelope passes before the engine opens it into Dexie (issue 20): its
// signature is checked against the team's members (signature.ts). Kept apart from the engine so the
// rule can be tested without PouchDB: the engine's applyDocs calls `admitDocs` first and opens only
// what it admits; what it refuses is recorded and shown, never applied.
import { type Signers, type Verdict, verifyEnvelope } from './signature';

export interface AdmitDoc {
  _id: string;
  _rev: string;
  kid?: unknown;
  v?: unknown;
  payload?: unknown;
  by?: unknown;
  sig?: unknown;
}

export interface Refused {
  docId: string;
  rev: string;
  reason: 'bad-signature' | 'not-member' | 'unsigned';
  /** The device id the envelope names as its signer, if any (not proven: that is what failed). */
  by: string | null;
}

export interface Admission<D> {
  /** Per document, in order: admitted (with whether it was signed) or refused. */
  verdicts: Verdict[];
  admitted: D[];
  refused: Refused[];
  /** Ids of envelopes admitted without a signature (from before signing). */
  unsigned: string[];
}

/**
 * Verifies every document. A signer this device does not know may have joined since the member list
 * was read: `refresh` reloads it (at most once per call) and those documents are checked again.
 */
export async function admitDocs<D extends AdmitDoc>(
  docs: readonly D[],
  signers: () => Signers,
  refresh: () => Promise<void>,
): Promise<Admission<D>> {
  const verdicts = await Promise.all(docs.map((d) => verifyEnvelope(d, signers())));
  if (verdicts.some((v) => !v.ok && v.reason === 'not-member')) {
    await refresh();
    for (const [i, v] of verdicts.entries()) {
      const doc = docs[i];
      if (doc && !v.ok && v.reason === 'not-member') verdicts[i] = await verifyEnvelope(doc, signers());
    }
  }
  const out: Admission<D> = { verdicts, admitted: [], refused: [], unsigned: [] };
  for (const [i, v] of verdicts.entries()) {
    const doc = docs[i];
    if (!doc) continue;
    if (v.ok) {
      out.admitted.push(doc);
      if (!v.signed) out.unsigned.push(doc._id);
    } else out.refused.push({ docId: doc._id, rev: doc._rev, reason: v.reason, by: v.by });
  }
  return out;
}
