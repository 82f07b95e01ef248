/**
 * The v5 re-sealing migration (R40, ARCHITECTURE "What stays in clear"): after unlock, rows of the
 * v1–v4 shape (every record field in clear, data key, old AAD) are re-sealed into the v5 shape
 * (clear-fields.ts: id, client id, key id, revision; padded envelope; per-client keys), in batches.
 *
 * Crash-safe and resumable: each batch is sealed BEFORE its transaction (awaiting crypto inside a
 * Dexie transaction would commit it early), then written in one transaction together with the
 * progress row `meta.reseal` (table + last id). A kill at any point leaves either the whole batch
 * and its progress, or neither; the next run starts after the last committed id. Per row it is
 * idempotent: a row that already has a `kid` is skipped, and a row is only replaced while it is
 * still the very row that was read (same IV), so a save in another tab meanwhile is never undone.
 * A row that cannot be opened (damaged) or re-sealed stays as it is and is counted in `kept`;
 * reads still report it as before.
 */
import type { Table } from 'dexie';
import { bytesEqual } from '../crypto/bytes';
import type { EncryptedTableName, StapwijzerDb } from '../database';
import { StorageError } from '../errors';
import type { EncryptedRow } from '../repositories/encrypted-store';
import type { VaultSession } from '../session';
import type { ResealMeta, SealedRow } from '../types';

/** Every sealed table, in the order the migration walks them. */
export const RESEAL_TABLES: readonly EncryptedTableName[] = [
  'settings',
  'clients',
  'screenings',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'drafts',
  'safetyEvents',
];

export const RESEAL_BATCH = 200;

export interface ResealProgress {
  /** Rows walked so far (re-sealed or already in the new shape). */
  done: number;
  total: number;
}

export interface ResealOptions {
  batchSize?: number;
  onProgress?: (progress: ResealProgress) => void;
  /** Tests: called after each committed batch (throw here to simulate a kill between batches). */
  afterBatch?: (progress: ResealProgress) => void | Promise<void>;
  /** Tests: called after a batch was sealed and before it is written (throw: a kill mid-batch). */
  beforeWrite?: (table: EncryptedTableName, rows: number) => void | Promise<void>;
  now?: () => number;
}

export interface ResealResult {
  resealed: number;
  /** Rows left in the old shape because they could not be opened or re-sealed (damaged). */
  kept: string[];
}

export async function readResealState(db: StapwijzerDb): Promise<ResealMeta | undefined> {
  const row = await db.meta.get('reseal');
  return row?.key === 'reseal' ? row : undefined;
}

/** The marker a new vault (or a restore of v5 rows) starts with: nothing to migrate. */
export function resealDone(now: number): ResealMeta {
  return { key: 'reseal', state: 'done', table: null, after: null, done: 0, total: 0, updatedAt: now };
}

export function resealPending(now: number): ResealMeta {
  return { key: 'reseal', state: 'pending', table: null, after: null, done: 0, total: 0, updatedAt: now };
}

/** Whether the migration still has to run (marker absent counts as "look": it is cheap when empty). */
export async function needsReseal(db: StapwijzerDb): Promise<boolean> {
  return (await readResealState(db))?.state !== 'done';
}

/**
 * Backups are refused until the migration is recorded as done (a backup taken halfway would mix the
 * shapes): throws StorageError('migration-running'). Export calls it first; so may any other reader
 * that needs every row in the final shape.
 */
export async function assertNoMigrationRunning(db: StapwijzerDb): Promise<void> {
  const state = await readResealState(db);
  if (state && state.state !== 'done') throw new StorageError('migration-running');
}

const isLegacy = (row: EncryptedRow) => typeof row.kid !== 'string';

async function nextBatch(table: Table<EncryptedRow, string>, after: string | null, size: number) {
  return after === null
    ? table.orderBy(':id').limit(size).toArray()
    : table.where(':id').above(after).limit(size).toArray();
}

async function resealRow(
  session: VaultSession,
  name: EncryptedTableName,
  row: EncryptedRow,
): Promise<{ old: EncryptedRow; next: SealedRow } | null> {
  try {
    const { data, ...fields } = await session.open(name, row);
    return { old: row, next: await session.seal(name, fields, data) };
  } catch (e) {
    if (session.locked) throw new StorageError('locked', { cause: e });
    return null;
  }
}

/** Runs (or resumes) the migration to the end. Throws 'locked' if the session locks meanwhile. */
export async function runReseal(session: VaultSession, options: ResealOptions = {}): Promise<ResealResult> {
  const { db } = session;
  const size = options.batchSize ?? RESEAL_BATCH;
  const now = options.now ?? (() => Date.now());
  const result: ResealResult = { resealed: 0, kept: [] };
  let state = (await readResealState(db)) ?? resealPending(now());
  if (state.state === 'done') return result;
  if (state.state === 'pending') {
    const counts = await Promise.all(RESEAL_TABLES.map((t) => db.table(t).count()));
    state = { ...state, state: 'running', total: counts.reduce((a, b) => a + b, 0), updatedAt: now() };
    await db.meta.put(state);
  }
  options.onProgress?.({ done: state.done, total: state.total });

  const start = state.table === null ? 0 : Math.max(0, RESEAL_TABLES.indexOf(state.table as EncryptedTableName));
  for (let i = start; i < RESEAL_TABLES.length; i++) {
    const name = RESEAL_TABLES[i] as EncryptedTableName;
    const table = db.table<EncryptedRow, string>(name);
    let after = state.table === name ? state.after : null;
    for (;;) {
      if (session.locked) throw new StorageError('locked');
      const rows = await nextBatch(table, after, size);
      if (rows.length === 0) break;
      const sealed = await Promise.all(rows.filter(isLegacy).map((row) => resealRow(session, name, row)));
      for (const [k, row] of rows.filter(isLegacy).entries()) if (sealed[k] === null) result.kept.push(row.id);
      await options.beforeWrite?.(name, rows.length);
      if (session.locked) throw new StorageError('locked');
      const last = rows[rows.length - 1]?.id ?? after;
      const next: ResealMeta = {
        ...state,
        table: name,
        after: last,
        done: Math.min(state.total, state.done + rows.length),
        updatedAt: now(),
      };
      let written = 0;
      await db.transaction('rw', [table, db.meta], async () => {
        for (const item of sealed) {
          if (!item) continue;
          const current = await table.get(item.old.id);
          // Replaced only while it is the row that was read: a save meanwhile wins.
          if (!current || !isLegacy(current) || !bytesEqual(current.iv, item.old.iv)) continue;
          await table.put(item.next);
          written += 1;
        }
        await db.meta.put(next);
      });
      result.resealed += written;
      state = next;
      after = last;
      const progress = { done: state.done, total: state.total };
      options.onProgress?.(progress);
      await options.afterBatch?.(progress);
      if (rows.length < size) break;
    }
  }
  state = { ...state, state: 'done', table: null, after: null, done: state.total, updatedAt: now() };
  await db.meta.put(state);
  options.onProgress?.({ done: state.done, total: state.total });
  return result;
}
