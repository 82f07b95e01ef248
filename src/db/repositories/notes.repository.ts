/** Free-text notes per client; text and timestamps are sealed, only ids, key id and revision are clear. */
import type { VaultSession } from '../session';
import type { Decrypted, NoteClear, NotePayload, ReadMany } from '../types';
import { deleteRecord, insertRecord, newClear, nextClear, queryMany, updateRecord } from './encrypted-store';

export type NoteRecord = Decrypted<NoteClear, NotePayload>;

export function createNote(session: VaultSession, clientId: string, data: NotePayload, now = Date.now()) {
  return insertRecord(session, 'notes', newClear<NoteClear>({ clientId }, now), data);
}

export function listNotes(session: VaultSession, clientId: string): Promise<ReadMany<NoteRecord>> {
  return queryMany(session, 'notes', (t) => t.where('clientId').equals(clientId).toArray());
}

export function updateNote(session: VaultSession, loaded: NoteRecord, data: NotePayload, now = Date.now()) {
  return updateRecord(session, 'notes', nextClear(loaded, {}, now), data);
}

export function deleteNote(session: VaultSession, loaded: NoteRecord): Promise<void> {
  return deleteRecord(session, 'notes', loaded.id, loaded.rev);
}
