/**
 * Screenings, their drafts and decisions. Owns the two save paths of a screening:
 * - `saveDraft`: autosave on every answer; a drafts-only transaction, so relaxed durability.
 * - `completeScreening`: screening + decision + follow-up written, the answered follow-up's
 *   completion event appended and the draft deleted in ONE transaction (R4) with strict durability
 *   (R5), sealed before the transaction opens.
 * Clear fields (v5): id, client id, key id, revision; status and pack/instrument versions are sealed.
 */

import { caseloadChangeOf, caseloadScope, putCaseloadInTx, writeWithCaseload } from '../caseload/update';
import { StorageError } from '../errors';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type {
  DecisionClear,
  DecisionPayload,
  Decrypted,
  DraftClear,
  DraftPayload,
  FollowUpEventPayload,
  FollowUpPayload,
  ReadMany,
  ScreeningClear,
  ScreeningPayload,
  TextDraftPayload,
} from '../types';
import {
  addInTx,
  byField,
  deleteInTx,
  getRecord,
  insertRecord,
  newClear,
  nextClear,
  queryMany,
  tableOf,
  updateInTx,
} from './encrypted-store';
import { newFollowUpEventClear } from './followup-events.repository';
import { type FollowUpRecord, freshFollowUp, type NewFollowUp, newFollowUpClear } from './followups.repository';

export type ScreeningRecord = Decrypted<ScreeningClear, ScreeningPayload>;
export type DraftRecord = Decrypted<DraftClear, DraftPayload>;
export type DecisionRecord = Decrypted<DecisionClear, DecisionPayload>;

export interface NewScreening {
  id?: string;
  clientId: string;
  packId: string;
  packVersion: string;
  instrumentId: string;
  instrumentVersion: string;
  data: ScreeningPayload;
}

export interface CompleteScreeningInput {
  screening: NewScreening;
  decision: { pathwayId: string; data: DecisionPayload };
  followUp?: Omit<NewFollowUp, 'clientId'> & { data: FollowUpPayload };
  /** The draft this screening came from; deleted in the same transaction. */
  draftId?: string;
  /** The follow-up this screening answers: its completion event is appended in the same transaction. */
  answers?: { id: string };
}

export interface CompletedScreening {
  screening: ScreeningRecord;
  decision: DecisionRecord;
  followUp: FollowUpRecord | null;
}

/**
 * Writes screening, decision and follow-up and deletes the draft atomically with strict
 * durability. Resolves only after commit: the caller may show "opgeslagen" then, not before.
 */
export async function completeScreening(
  session: VaultSession,
  input: CompleteScreeningInput,
  now = Date.now(),
): Promise<CompletedScreening> {
  const { data: screeningData, ...screeningFields } = input.screening;
  const screeningClear = newClear<ScreeningClear>({ ...screeningFields, status: 'completed' }, now);
  const decisionClear = newClear<DecisionClear>(
    { clientId: screeningClear.clientId, screeningId: screeningClear.id, pathwayId: input.decision.pathwayId },
    now,
  );
  const followUpClear = input.followUp
    ? newFollowUpClear({ ...input.followUp, clientId: screeningClear.clientId }, now)
    : null;

  const screeningRow = await session.seal('screenings', screeningClear, screeningData);
  const decisionRow = await session.seal('decisions', decisionClear, input.decision.data);
  const followUpRow =
    followUpClear && input.followUp ? await session.seal('followUps', followUpClear, input.followUp.data) : null;

  const completion = input.answers
    ? {
        clear: newFollowUpEventClear(screeningClear.clientId),
        data: {
          kind: 'completed',
          followUpId: input.answers.id,
          screeningId: screeningClear.id,
          at: new Date(now).toISOString(),
        } satisfies FollowUpEventPayload,
      }
    : null;
  const completionRow = completion ? await session.seal('followUpEvents', completion.clear, completion.data) : null;

  const { db } = session;
  // The client's caseload index entry is written in the same transaction (caseload/update.ts).
  const changes = [
    caseloadChangeOf('screenings', screeningClear, screeningData),
    caseloadChangeOf('decisions', decisionClear, input.decision.data),
    followUpClear && input.followUp ? caseloadChangeOf('followUps', followUpClear, input.followUp.data) : null,
    // The answered follow-up leaves Vandaag in the same commit.
    completion ? caseloadChangeOf('followUpEvents', completion.clear, completion.data) : null,
  ];
  await writeWithCaseload(session, changes, (prepared) =>
    withReopenRetry(db, () =>
      db.transaction(
        'rw',
        caseloadScope(
          db,
          ['screenings', 'decisions', 'followUps', 'drafts', ...(completionRow ? ['followUpEvents'] : [])],
          changes,
        ),
        async () => {
          // A draft completes once (R45): transactions on these tables are serialised across tabs, so the
          // second completion finds the draft gone and writes nothing.
          if (input.draftId && !(await db.drafts.get(input.draftId))) throw new StorageError('already-completed');
          await addInTx(tableOf(db, 'screenings'), screeningRow);
          await addInTx(tableOf(db, 'decisions'), decisionRow);
          if (followUpRow) await addInTx(tableOf(db, 'followUps'), followUpRow);
          if (completionRow) await addInTx(db.followUpEvents, completionRow);
          if (input.draftId) await deleteInTx(tableOf(db, 'drafts'), input.draftId);
          await putCaseloadInTx(db, prepared);
        },
      ),
    ),
  );
  return {
    screening: { ...screeningClear, data: screeningData },
    decision: { ...decisionClear, data: input.decision.data },
    followUp: followUpClear && input.followUp ? freshFollowUp({ ...followUpClear, data: input.followUp.data }) : null,
  };
}

export function getScreening(session: VaultSession, id: string): Promise<ScreeningRecord | undefined> {
  return getRecord(session, 'screenings', id);
}

export function listScreenings(session: VaultSession, clientId: string): Promise<ReadMany<ScreeningRecord>> {
  return queryMany<ScreeningClear, ScreeningPayload>(
    session,
    'screenings',
    (t) => t.where('clientId').equals(clientId).toArray(),
    (records) => records.sort(byField('createdAt')),
  );
}

export function listDecisions(session: VaultSession, clientId: string): Promise<ReadMany<DecisionRecord>> {
  return queryMany(session, 'decisions', (t) => t.where('clientId').equals(clientId).toArray());
}

/**
 * Every completed screening and every decision of the caseload (practice indicators, issue 22): read
 * and decrypted here until the storage issue's caseload index holds the per-month counts.
 */
export function listAllScreenings(session: VaultSession): Promise<ReadMany<ScreeningRecord>> {
  return queryMany<ScreeningClear, ScreeningPayload>(
    session,
    'screenings',
    (t) => t.toArray(),
    (records) => records.filter((r) => r.status === 'completed'),
  );
}

export function listAllDecisions(session: VaultSession): Promise<ReadMany<DecisionRecord>> {
  return queryMany(session, 'decisions', (t) => t.toArray());
}

export interface DraftInput {
  /** The record returned by the previous save of this draft, if any ('conflict' if it moved on). */
  previous?: DraftRecord;
  /** For a new draft: an id chosen in advance (a safety signal raised before the draft existed names it). */
  id?: string;
  clientId: string | null;
  data: DraftPayload;
}

/** Autosaves a draft (relaxed durability). Keep the returned record for the next save. */
export async function saveDraft(session: VaultSession, input: DraftInput, now = Date.now()): Promise<DraftRecord> {
  const { db } = session;
  if (!input.previous) {
    const fields = { clientId: input.clientId, ...(input.id ? { id: input.id } : {}) };
    return insertRecord(session, 'drafts', newClear<DraftClear>(fields, now), input.data);
  }
  const clear = nextClear(input.previous, { clientId: input.clientId }, now);
  const row = await session.seal('drafts', clear, input.data);
  await withReopenRetry(db, () => db.transaction('rw', db.drafts, () => updateInTx(tableOf(db, 'drafts'), row)));
  return { ...clear, data: input.data };
}

/** A screening draft (a text draft in the same table is not one: see text-drafts.repository). */
export async function getDraft(session: VaultSession, id: string): Promise<DraftRecord | undefined> {
  const record = await getRecord<DraftClear, DraftPayload | TextDraftPayload>(session, 'drafts', id);
  return record === undefined || isTextDraft(record.data) ? undefined : { ...record, data: record.data };
}

/** Screening drafts for the "Concept hersteld" banner, newest first (text drafts left out). */
export async function listDrafts(session: VaultSession): Promise<ReadMany<DraftRecord>> {
  const all = await queryMany<DraftClear, DraftPayload | TextDraftPayload>(
    session,
    'drafts',
    (t) => t.toArray(),
    (records) => records.sort(byField('updatedAt', 'desc')),
  );
  const records: DraftRecord[] = [];
  for (const r of all.records) if (!isTextDraft(r.data)) records.push({ ...r, data: r.data });
  return { records, damaged: all.damaged };
}

export function isTextDraft(data: DraftPayload | TextDraftPayload): data is TextDraftPayload {
  return 'kind' in data && data.kind === 'text';
}

/** Deletes a draft (an unsaved screening the professional chose to discard, after a confirmation). */
export async function discardDraft(session: VaultSession, id: string): Promise<void> {
  const { db } = session;
  await withReopenRetry(db, () => db.transaction('rw', db.drafts, () => deleteInTx(tableOf(db, 'drafts'), id)));
}
