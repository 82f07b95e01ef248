/**
 * Text drafts: the unsaved text of a form's free-text fields, sealed in the drafts table (relaxed
 * durability, like every draft) until the form is saved or discarded. Found by the form's key, which
 * is inside the sealed payload: the few drafts of a device are opened and matched, so nothing about
 * the form shows in clear. `clientId` is set where the form belongs to a client, so the client's
 * deletion takes its drafts along.
 */
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { Decrypted, DraftClear, DraftPayload, TextDraftPayload } from '../types';
import { byField, insertRecord, newClear, nextClear, queryMany, tableOf, updateInTx } from './encrypted-store';
import { discardDraft, isTextDraft } from './screenings.repository';

export type TextDraftRecord = Decrypted<DraftClear, TextDraftPayload>;

/** The newest text draft of the form `key`, if any. */
export async function findTextDraft(session: VaultSession, key: string): Promise<TextDraftRecord | undefined> {
  // updatedAt is sealed since v5 (no clear index on it): decrypt the few drafts and sort.
  const { records } = await queryMany<DraftClear, DraftPayload | TextDraftPayload>(
    session,
    'drafts',
    (t) => t.toArray(),
    (all) => all.sort(byField('updatedAt', 'desc')),
  );
  for (const r of records) if (isTextDraft(r.data) && r.data.key === key) return { ...r, data: r.data };
  return undefined;
}

/** Stores the form's texts (a new draft, or the next revision of `previous`). */
export async function saveTextDraft(
  session: VaultSession,
  input: { previous?: TextDraftRecord; clientId: string | null; key: string; texts: Record<string, string> },
  now = Date.now(),
): Promise<TextDraftRecord> {
  const data: TextDraftPayload = { kind: 'text', key: input.key, texts: input.texts };
  if (!input.previous) {
    return insertRecord<DraftClear, TextDraftPayload>(
      session,
      'drafts',
      newClear<DraftClear>({ clientId: input.clientId }, now),
      data,
    );
  }
  const { db } = session;
  const clear = nextClear(input.previous, { clientId: input.clientId }, now);
  const row = await session.seal('drafts', clear, data);
  await withReopenRetry(db, () => db.transaction('rw', db.drafts, () => updateInTx(tableOf(db, 'drafts'), row)));
  return { ...clear, data };
}

/** Deletes a text draft (its form was saved, or its text discarded). */
export function discardTextDraft(session: VaultSession, id: string): Promise<void> {
  return discardDraft(session, id);
}
