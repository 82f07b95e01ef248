// Sync status for the UI (Settings and the small indicator), and the handle of the running engine.
// No PouchDB here: the engine chunk is loaded only once a team exists and the vault is unlocked, and
// it reports into this store. Everything shown is about the device's own state, so it works offline.
import { create } from 'zustand';
import type { SyncedTable, SyncRecord } from '../../db';
import type { Refusal } from './refusals';

export type SyncPhase =
  /** No team on this device (or locked): nothing runs, nothing is shown. */
  | 'off'
  | 'starting'
  | 'syncing'
  | 'idle'
  | 'offline'
  /** Another tab of this device runs the sync for both. */
  | 'other-tab'
  | 'error';

export type SyncErrorCode = 'unreachable' | 'not-member' | 'credentials' | 'key-rotated' | 'failed';

export interface ConflictRef {
  docId: string;
  table: SyncedTable;
  id: string;
}

export interface ConflictVersion {
  rev: string;
  winner: boolean;
  record: SyncRecord;
}

export interface SyncEngineHandle {
  /** The versions of a record edited on two devices, decrypted (winner first). */
  loadConflict(ref: ConflictRef): Promise<ConflictVersion[]>;
  /** Keeps `rev` and removes the other versions everywhere. */
  resolveConflict(ref: ConflictRef, rev: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SyncState {
  phase: SyncPhase;
  error: SyncErrorCode | null;
  /** Epoch ms of the last moment both directions were caught up. */
  lastSyncedAt: number | null;
  /** Records saved on this device that the server has not acknowledged yet. */
  pending: number;
  /** During the first sync onto this device: envelopes applied of the server's total. */
  progress: { done: number; total: number } | null;
  /** Envelopes this device could not open (another key generation, or damaged). */
  unreadable: number;
  conflicts: ConflictRef[];
  /** Envelopes refused for their signature (issue 20), kept sealed on this device; oldest first. */
  refused: Refusal[];
  /** Envelopes accepted without a signature (written before signing, under a legacy generation). */
  unsigned: number;
  engine: SyncEngineHandle | null;
  set: (patch: Partial<Omit<SyncState, 'set' | 'reset'>>) => void;
  reset: () => void;
}

const INITIAL = {
  phase: 'off' as SyncPhase,
  error: null,
  lastSyncedAt: null,
  pending: 0,
  progress: null,
  unreadable: 0,
  conflicts: [],
  refused: [],
  unsigned: 0,
  engine: null,
};

export const useSync = create<SyncState>()((set) => ({
  ...INITIAL,
  set: (patch) => set(patch),
  reset: () => set(INITIAL),
}));
