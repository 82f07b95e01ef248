// The team sync engine (a lazy chunk: imported only once a team exists and the vault is unlocked).
// Mirror design: Dexie stays the app's store; a local PouchDB database holds the team's envelopes;
// PouchDB's replication moves them to and from the team's CouchDB (checkpoints, retries, revision
// trees and conflict detection are PouchDB's). This module only maps between the two stores:
// - out: a record whose rev moved since its last mirror is sealed into an envelope and written as a
//   child of the envelope revision it was based on (new_edits: false). If the team moved that
//   document on meanwhile, the write becomes a sibling: a CouchDB conflict, shown to the next person
//   who opens the record, never a silent overwrite;
// - in: the local envelope database's changes feed, in batches, decrypted and written through the
//   repositories (sealed under this device's keys like any other write).
// Audit events travel too, in daily documents per device (ARCHITECTURE "Team caseload"): this device
// rewrites only its own day documents, each revision a superset of the last (a single writer, so no
// conflicts), and keeps other devices' ones in `teamAudit`, apart from its own chain.
// Signatures (issue 20, signature.ts): on a joined team every envelope pushed is signed with this
// device's signing key, and every envelope pulled is verified against the team's member documents
// before it is opened (admit.ts); a refused one is never applied, and is recorded and shown.

import PouchDB, { type EventSource, type PouchDoc, type PouchError, type SyncInfo } from 'pouchdb-browser';
import * as v from 'valibot';
import {
  appendAuditQuietly,
  applyPulled,
  deviceKey,
  getSyncState,
  isSyncedTable,
  listUnmirrored,
  markMirrored,
  onSyncedTablesChanged,
  type PulledRecord,
  readForSync,
  SYNCED_TABLES,
  type SyncedTable,
  type SyncRecord,
  type VaultSession,
} from '../../db';
import {
  AUDIT_DAY_TABLE,
  type AuditDayEvent,
  type AuditDayPayload,
  applyPulledAuditDays,
  dayOf,
  isTeamEvent,
  listUnmirroredAudit,
  markAuditMirrored,
  mergeDayEvents,
  onOwnAuditChanged,
  type PulledAuditDay,
  parseAuditDay,
  toDayEvent,
} from '../../db/team-audit';
import { checkAccess } from './access';
import { admitDocs, type Refused } from './admit';
import {
  type Envelope,
  envelopeId,
  isEnvelopeId,
  openEnvelope,
  sealEnvelope,
  type TeamKeys,
  teamKeyRing,
} from './envelope';
import { publishOwnMember } from './membership';
import { addRefusals, type Refusal, readRefusals } from './refusals';
import { generationOf, importSigningKey, type Signer, signEnvelope, verifyEnvelope } from './signature';
import {
  type ConflictRef,
  type ConflictVersion,
  type SyncEngineHandle,
  type SyncErrorCode,
  useSync,
} from './sync-store';
import { type Member, openFormer, openMember, TeamDocs } from './team-docs';
import { generationsOf, type TeamSetting } from './team-settings';

const BATCH = 500;
/** A member or former-member document as it is stored (team-docs.ts opens it). */
const TeamDocShape = v.object({ _id: v.string(), kid: v.string(), v: v.number(), payload: v.string() });
const STATE_DOC = '_local/stapwijzer-sync';

interface LocalState {
  _id: string;
  _rev?: string;
  /** The local changes-feed position applied to Dexie. */
  applied: number | string;
  lastSyncedAt: number | null;
  firstSyncDone: boolean;
  conflicts: ConflictRef[];
  unreadable: string[];
  /** Envelopes written here that the server has not acknowledged. */
  unpushed: string[];
  /** This device in the team's audit day documents: random, made once per envelope database. */
  device?: string;
  /** Envelopes accepted without a signature (from before signing; see signature.ts). */
  unsigned?: string[];
}

/** Retry delays: 1 s doubling to 15 s, with jitter so a team's devices do not retry in step. */
export function backOff(delay: number): number {
  const next = delay === 0 ? 1000 : Math.min(delay * 2, 15_000);
  return Math.round(next * (0.8 + Math.random() * 0.4));
}

const randomHash = () =>
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * PouchDB 9.0.0's replicator asks the source for its info after each batch, for its task list, and
 * never handles that promise (`src.info().then(...)` in the batch's finish, node_modules/pouchdb-browser).
 * When the server goes away mid-batch it rejects with nobody to catch it: an uncaught "Failed to fetch"
 * in the page (seen at the end of team-signature.spec.ts in loaded gates; its stack names `_info`). The
 * replication's own error path already shows the sync state and retries, so only that one rejection is
 * marked handled here, while an engine runs; every other unhandled rejection still surfaces.
 */
function onPouchInfoRejection(event: PromiseRejectionEvent): void {
  const reason: unknown = event.reason;
  if (reason instanceof TypeError && /\._info\b/.test(reason.stack ?? '')) event.preventDefault();
}

export async function startEngine(options: {
  session: VaultSession;
  team: TeamSetting;
  /** Where CouchDB is proxied, with a trailing slash: `${origin}/sync/`. */
  baseUrl: string;
  /** An envelope under a generation this device lacks: a rotation may have left a key for it (issue 20). */
  onForeignKey?: () => void;
}): Promise<SyncEngineHandle> {
  const { session, team, baseUrl } = options;
  const store = useSync.getState();
  // Sealing uses the current generation; opening the one an envelope names (older ones after a rotation).
  const ring = await teamKeyRing(generationsOf(team));
  const keys: TeamKeys = ring.current;
  const keysOf = (doc: PouchDoc) => ring.of(doc.kid) ?? keys;
  // A joined team signs and verifies; a team set up by hand (no device id, no member documents) does
  // neither: there is no member list to check a signer against (signature.ts).
  const signing = team.deviceId ? await deviceKey(session) : null;
  /** Device id → signing key of the team's members, from the member documents. */
  let signers = new Map<string, Signer>();
  const teamDocs = new TeamDocs(baseUrl, { database: team.database, username: team.username, password: team.password });
  // Per device key (issue 20): a device that rejoins (a restored backup) starts from a fresh local
  // envelope database, so it pulls everything again instead of trusting checkpoints of the old vault.
  const local = new PouchDB(`stapwijzer-team-${team.teamId}${team.deviceId ? `-${team.deviceId.toLowerCase()}` : ''}`);
  const remote = new PouchDB(`${baseUrl}${team.database}`, {
    skip_setup: true,
    auth: { username: team.username, password: team.password },
  });

  let state: LocalState = await local.get(STATE_DOC).then(
    (doc) => doc as unknown as LocalState,
    () => ({
      _id: STATE_DOC,
      applied: 0,
      lastSyncedAt: null,
      firstSyncDone: false,
      conflicts: [],
      unreadable: [],
      unpushed: [],
    }),
  );
  const newDevice = !state.device;
  const device = state.device ?? randomHash();
  state = { ...state, device };
  const unpushed = new Set(state.unpushed);
  const unsigned = new Set(state.unsigned ?? []);
  const unreadable = new Set(state.unreadable);
  const conflicts = new Map(state.conflicts.map((c) => [c.docId, c]));
  /** Envelope revisions this device wrote in this session: the changes feed hands them back. */
  const own = new Map<string, string>();
  let stopped = false;

  const publish = () =>
    useSync.getState().set({
      pending: unpushed.size,
      conflicts: [...conflicts.values()],
      unreadable: unreadable.size,
      unsigned: unsigned.size,
      lastSyncedAt: state.lastSyncedAt,
      ...(unreadable.size > 0 ? { error: 'key-rotated' as const } : {}),
    });

  async function saveState(): Promise<void> {
    const next: LocalState = {
      ...state,
      conflicts: [...conflicts.values()],
      unreadable: [...unreadable],
      unpushed: [...unpushed],
      unsigned: [...unsigned],
    };
    const res = await local.put(next);
    state = { ...next, _rev: res.rev };
  }
  // Kept before anything is written under it: a restart must name the same device.
  if (newDevice) await saveState();

  // ---- signatures ----------------------------------------------------------------------------------

  const sign = async <T extends Envelope>(env: T): Promise<T> => (signing ? signEnvelope(signing, env) : env);

  /** Members (`m-…`) and former members (`x-…`, with the generation their removal made) among `docs`. */
  async function membersIn(docs: readonly unknown[]): Promise<{ member: Member; until?: string }[]> {
    const out: { member: Member; until?: string }[] = [];
    for (const doc of docs) {
      const parsed = v.safeParse(TeamDocShape, doc);
      if (!parsed.success) continue;
      const raw = parsed.output;
      if (raw._id.startsWith('m-')) {
        const member = await openMember(ring, raw);
        if (member) out.push({ member });
      } else {
        const former = await openFormer(ring, raw);
        if (former) out.push(former);
      }
    }
    return out;
  }

  async function signersOf(found: readonly { member: Member; until?: string }[]): Promise<Map<string, Signer>> {
    const out = new Map<string, Signer>();
    // This device's own key is trusted whether or not its member document has arrived here yet.
    const ownKey = signing ? await importSigningKey(signing.signingPublicText) : null;
    if (signing && ownKey) out.set(signing.deviceId, { initials: '', key: ownKey });
    // Former members first, so a device that was removed and joined again is a member.
    for (const { member: m, until } of [...found].sort((x, y) => Number(!x.until) - Number(!y.until))) {
      const key = m.signingKey ? await importSigningKey(m.signingKey) : null;
      if (!key) continue;
      out.set(m.deviceId, { initials: m.initials, key, ...(until ? { until: generationOf(until) } : {}) });
    }
    return out;
  }

  const range = (prefix: string) => ({ include_docs: true as const, startkey: prefix, endkey: `${prefix}\ufff0` });

  /** The member list as this device's envelope database has it (offline too). */
  async function loadLocalSigners(): Promise<void> {
    const members = await local.allDocs(range('m-')).catch(() => null);
    const formers = await local.allDocs(range('x-')).catch(() => null);
    if (members)
      signers = await signersOf(await membersIn([...members.rows, ...(formers?.rows ?? [])].map((r) => r.doc)));
  }

  /** The member list as the server has it now: a signer that joined since the last read. */
  async function refreshSigners(): Promise<void> {
    const members = await teamDocs.list('m-').catch(() => null);
    const formers = await teamDocs.list('x-').catch(() => null);
    if (members) signers = await signersOf(await membersIn([...members, ...(formers ?? [])]));
  }

  /** Whether a conflict leaf may be shown or merged: signed by a member (always, in a team set up by hand). */
  async function trusted(doc: PouchDoc): Promise<boolean> {
    return !signing || (await verifyEnvelope(doc, signers)).ok;
  }

  /** Keeps what was refused (sealed, in a vault setting) and shows it. */
  async function recordRefusals(refused: readonly Refused[], docs: readonly PouchDoc[]): Promise<void> {
    const byKey = new Map(docs.map((d) => [`${d._id} ${d._rev}`, d]));
    const entries: Refusal[] = [];
    for (const r of refused) {
      const doc = byKey.get(`${r.docId} ${r.rev}`);
      // Opened only to say which kind of record it was; nothing of it is applied.
      const opened = doc ? await openEnvelope(keysOf(doc), doc) : null;
      entries.push({
        ...r,
        initials: r.by ? (signers.get(r.by)?.initials ?? null) : null,
        table: opened?.ok ? opened.table : null,
        at: Date.now(),
      });
    }
    const all = await addRefusals(session, entries);
    useSync.getState().set({ refused: all });
  }

  // ---- destroyed clients: their envelopes leave the team database -------------------------------

  /**
   * Deletes the envelopes of a destroyed client's records (every leaf, conflicts included) and compacts,
   * so neither this device's envelope copy nor — once replicated and compacted there — the server's still
   * holds their ciphertext under the team key. The tombstones delete nothing on other devices (a bare
   * tombstone never does); the `client-shredded` event is what destroys their copies.
   */
  async function removeEnvelopes(refs: readonly { table: SyncedTable; id: string }[]): Promise<void> {
    const deletions: { _id: string; _rev: string; _deleted: true }[] = [];
    for (const ref of refs) {
      const id = await envelopeId(keys, ref.table, ref.id);
      const doc = await local.get(id, { conflicts: true }).catch(() => null);
      if (!doc) continue;
      for (const rev of [doc._rev, ...(doc._conflicts ?? [])]) deletions.push({ _id: id, _rev: rev, _deleted: true });
      conflicts.delete(id);
      unreadable.delete(id);
    }
    if (deletions.length === 0) return;
    wrote = true;
    await local.bulkDocs(deletions);
    for (const d of deletions) unpushed.add(d._id);
    await local.compact().catch(() => undefined);
  }

  /** The records a `client-shredded` record names (`table:id`), as envelope references. */
  function namedRecords(record: SyncRecord): { table: SyncedTable; id: string }[] {
    const data = record.data as { records?: unknown };
    const out: { table: SyncedTable; id: string }[] = [];
    for (const entry of Array.isArray(data.records) ? data.records : []) {
      if (typeof entry !== 'string') continue;
      const at = entry.indexOf(':');
      const table = entry.slice(0, at);
      if (at > 0 && isSyncedTable(table)) out.push({ table, id: entry.slice(at + 1) });
    }
    return out;
  }

  // ---- out: Dexie → envelopes -------------------------------------------------------------------

  async function mirrorRows(table: SyncedTable, rows: { id: string; rev: number; parent: string | undefined }[]) {
    const docs: (Envelope & { _rev: string; _revisions: { start: number; ids: string[] } })[] = [];
    const marks: { table: SyncedTable; id: string; localRev: number; envelopeRev: string }[] = [];
    const destroyed: { table: SyncedTable; id: string }[] = [];
    for (const row of rows) {
      const record = await readForSync(session, table, row.id);
      if (!record || record.clear.rev !== row.rev) continue;
      if (table === 'shreddedClients') destroyed.push(...namedRecords(record));
      const id = await envelopeId(keys, table, row.id);
      let history: string[] = [];
      if (row.parent) {
        const parent = await local.get(id, { rev: row.parent, revs: true }).catch(() => null);
        history = parent?._revisions?.ids ?? [];
      }
      const hash = randomHash();
      const start = history.length + 1;
      const rev = `${start}-${hash}`;
      docs.push({
        ...(await sign(await sealEnvelope(keys, id, table, record))),
        _rev: rev,
        _revisions: { start, ids: [hash, ...history] },
      });
      marks.push({ table, id: row.id, localRev: row.rev, envelopeRev: rev });
    }
    if (docs.length === 0) return;
    wrote = true;
    await local.bulkDocs(docs, { new_edits: false });
    for (const d of docs) {
      own.set(d._id, d._rev);
      unpushed.add(d._id);
    }
    await markMirrored(session, marks);
    await removeEnvelopes(destroyed);
  }

  async function outbound(tables: readonly SyncedTable[]): Promise<void> {
    for (const table of tables) {
      const changed = await listUnmirrored(session, table);
      for (let i = 0; i < changed.length && !stopped; i += BATCH) {
        const chunk = changed.slice(i, i + BATCH);
        await mirrorRows(
          table,
          chunk.map((c) => ({ id: c.id, rev: c.rev, parent: c.state?.envelopeRev })),
        );
      }
    }
  }

  /**
   * Own audit events not yet sent, into this device's day documents: each document rewritten as a
   * child of its last revision with the new events added (append-only), marked once it is written.
   */
  async function outboundAudit(): Promise<void> {
    const { events, unreadable: damaged } = await listUnmirroredAudit(session);
    const byDay = new Map<string, { rowIds: string[]; events: AuditDayEvent[] }>();
    const done: string[] = [...damaged];
    for (const { rowId, event } of events) {
      if (!isTeamEvent(event)) {
        done.push(rowId); // device events (unlock, wipe, …) stay on the device
        continue;
      }
      const day = byDay.get(dayOf(event.ts)) ?? { rowIds: [], events: [] };
      day.rowIds.push(rowId);
      day.events.push(toDayEvent(event));
      byDay.set(dayOf(event.ts), day);
    }
    const docs: (Envelope & { _rev?: string })[] = [];
    const rowsOf = new Map<string, string[]>();
    for (const [day, fresh] of byDay) {
      const id = await envelopeId(keys, AUDIT_DAY_TABLE, `${device}:${day}`);
      const prev = await local.get(id).catch(() => null);
      let kept: AuditDayEvent[] = [];
      // A revision that does not verify is not merged: its events would become this device's own.
      if (prev && (await trusted(prev))) {
        const opened = await openEnvelope(keysOf(prev), prev);
        if (opened.ok && opened.table === AUDIT_DAY_TABLE) kept = parseAuditDay(opened.record.data)?.events ?? [];
      }
      const now = Date.now();
      const data: AuditDayPayload = { device, day, events: mergeDayEvents(kept, fresh.events) };
      const record = { clear: { id, rev: 1, createdAt: now, updatedAt: now }, data };
      docs.push({
        ...(await sign(await sealEnvelope(keys, id, AUDIT_DAY_TABLE, record))),
        ...(prev ? { _rev: prev._rev } : {}),
      });
      rowsOf.set(id, fresh.rowIds);
    }
    if (docs.length > 0) {
      const results = await local.bulkDocs(docs);
      for (const r of results) {
        if (!('ok' in r) || !r.ok || !r.id || !r.rev) continue; // not written: tried again at the next pass
        wrote = true;
        own.set(r.id, r.rev);
        unpushed.add(r.id);
        done.push(...(rowsOf.get(r.id) ?? []));
      }
    }
    await markAuditMirrored(session, done);
  }

  // ---- in: envelopes → Dexie --------------------------------------------------------------------

  /** Documents that did not open before (another generation): tried once more with this engine's keys. */
  let retriedUnreadable = false;
  async function retryUnreadable(): Promise<void> {
    retriedUnreadable = true;
    const docs: PouchDoc[] = [];
    for (const id of unreadable) {
      const doc = await local.get(id, { conflicts: true }).catch(() => null);
      if (doc && !doc._deleted) docs.push(doc);
    }
    if (docs.length === 0) return;
    await applyDocs(docs);
    await saveState();
    publish();
  }

  /** The other leaves of an audit day document (two versions of one device's day: both kept). */
  async function auditLeaves(id: string, revs: readonly string[]): Promise<PulledAuditDay[]> {
    const out: PulledAuditDay[] = [];
    for (const rev of revs) {
      const leaf = await local.get(id, { rev }).catch(() => null);
      const opened = leaf && (await trusted(leaf)) ? await openEnvelope(keysOf(leaf), leaf) : null;
      if (opened?.ok && opened.table === AUDIT_DAY_TABLE) out.push({ docId: id, data: opened.record.data });
    }
    return out;
  }

  async function inbound(): Promise<void> {
    if (!retriedUnreadable && unreadable.size > 0) await retryUnreadable();
    for (;;) {
      if (stopped) return;
      const batch = await local.changes({ since: state.applied, limit: BATCH, include_docs: true, conflicts: true });
      if (batch.results.length === 0) return;
      // A bare tombstone never deletes local data; join, member and key documents are not records.
      const docs = batch.results
        .map((c) => c.doc)
        .filter((d): d is PouchDoc => !!d && !d._deleted && isEnvelopeId(d._id));
      await applyDocs(docs);
      state.applied = batch.last_seq;
      const progress = useSync.getState().progress;
      if (progress) {
        const done = Math.min(progress.done + batch.results.length, progress.total);
        useSync.getState().set({ progress: { ...progress, done } });
      }
      await saveState();
      publish();
    }
  }

  async function applyDocs(pulledDocs: PouchDoc[]): Promise<void> {
    const isOwn = (doc: PouchDoc) => own.get(doc._id) === doc._rev && (doc._conflicts?.length ?? 0) === 0;
    let docs = pulledDocs;
    if (signing) {
      // Signatures first: a refused envelope is not opened into Dexie, whatever it holds.
      const foreign = pulledDocs.filter((d) => !isOwn(d));
      const admission = await admitDocs(foreign, () => signers, refreshSigners);
      for (const id of admission.unsigned) unsigned.add(id);
      if (admission.refused.length > 0) {
        await recordRefusals(admission.refused, foreign);
        const refused = new Set(admission.refused.map((r) => `${r.docId} ${r.rev}`));
        docs = pulledDocs.filter((d) => !refused.has(`${d._id} ${d._rev}`));
      }
    }
    const pulled: PulledRecord[] = [];
    // Decrypted in parallel (WebCrypto runs off the main thread), then handled in feed order.
    const opened = await Promise.all(
      docs.map((doc) => {
        const hasConflicts = (doc._conflicts?.length ?? 0) > 0;
        return own.get(doc._id) === doc._rev && !hasConflicts ? null : openEnvelope(keysOf(doc), doc);
      }),
    );
    let foreign = false;
    const auditDays: PulledAuditDay[] = [];
    for (const [i, doc] of docs.entries()) {
      // A bare tombstone never deletes local data (deleted docs were filtered out above).
      const hasConflicts = (doc._conflicts?.length ?? 0) > 0;
      if (!hasConflicts && conflicts.delete(doc._id)) publish(); // resolved elsewhere
      const result = opened[i];
      if (!result) continue; // this device's own revision, handed back by the feed
      if (!result.ok) {
        unreadable.add(doc._id);
        if (result.reason === 'other-key') foreign = true;
        continue;
      }
      unreadable.delete(doc._id);
      if (result.table === AUDIT_DAY_TABLE) {
        if (parseAuditDay(result.record.data)?.device === device) continue; // own day: in the own chain
        auditDays.push({ docId: doc._id, data: result.record.data });
        // Never a choice to make: every version's events are kept (append-only union).
        if (hasConflicts) auditDays.push(...(await auditLeaves(doc._id, doc._conflicts ?? [])));
        continue;
      }
      const table = result.table;
      // Dexie now follows another revision of this document: this device's own one, should it win
      // later (a version chosen elsewhere), must be applied again, not skipped as already there.
      own.delete(doc._id);
      const ref = { docId: doc._id, table, id: result.record.clear.id };
      if (hasConflicts) conflicts.set(doc._id, ref);
      else conflicts.delete(doc._id);
      pulled.push({ table, record: result.record, envelopeRev: doc._rev });
    }
    if (auditDays.length > 0) {
      const kept = await applyPulledAuditDays(session, auditDays);
      for (const [i, outcome] of kept.entries()) {
        const item = auditDays[i];
        if (outcome === 'invalid' && item) unreadable.add(item.docId);
      }
    }
    const outcomes = pulled.length > 0 ? await applyPulled(session, pulled) : [];
    // A local edit not yet mirrored: push it first (as a sibling revision if the team moved on); the
    // feed brings the document round again and the next pass applies the winner.
    const dirty = new Map<SyncedTable, { id: string; rev: number; parent: string | undefined }[]>();
    const shreddedRefs: { table: SyncedTable; id: string }[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const item = pulled[i];
      if (!item) continue;
      if (outcome === 'invalid') unreadable.add(await envelopeId(keys, item.table, item.record.clear.id));
      // A record of a destroyed client (from a device that had not seen the destroy yet): refused, and its
      // envelope deleted so the team database does not keep it either.
      if (outcome === 'shredded') shreddedRefs.push({ table: item.table, id: item.record.clear.id });
      if (outcome !== 'dirty') continue;
      const current = await readForSync(session, item.table, item.record.clear.id);
      const st = await getSyncState(session, item.table, item.record.clear.id);
      if (current) {
        const list = dirty.get(item.table) ?? [];
        list.push({ id: current.clear.id, rev: current.clear.rev, parent: st?.envelopeRev });
        dirty.set(item.table, list);
      }
    }
    for (const [table, rows] of dirty) await mirrorRows(table, rows);
    await removeEnvelopes(shreddedRefs);
    if (foreign) options.onForeignKey?.();
  }

  // ---- the one queue both directions run in --------------------------------------------------------

  let running: Promise<void> = Promise.resolve();
  let queuedTables = new Set<SyncedTable>(SYNCED_TABLES);
  let queuedIn = true;
  let queuedAudit = true;
  let scheduled = false;
  let wrote = false;
  /** True once the replication paused with nothing left to move, until it moves again. */
  let replicationIdle = false;
  function schedule(tables: readonly SyncedTable[] = [], pull = false, audit = false): void {
    // A local save: show "syncing" at once, so nobody reads "up to date" before it left the device.
    if (tables.length > 0 && useSync.getState().phase === 'idle') useSync.getState().set({ phase: 'syncing' });
    for (const t of tables) queuedTables.add(t);
    if (pull) queuedIn = true;
    if (audit) queuedAudit = true;
    if (scheduled || stopped) return;
    scheduled = true;
    running = running.then(async () => {
      scheduled = false;
      const tablesNow = [...queuedTables];
      const pullNow = queuedIn;
      const auditNow = queuedAudit;
      queuedTables = new Set();
      queuedIn = false;
      queuedAudit = false;
      try {
        wrote = false;
        if (tablesNow.length > 0) await outbound(tablesNow);
        if (auditNow) await outboundAudit();
        if (pullNow) await inbound();
        // A pass that found nothing to send leaves an idle replication idle.
        if (
          !wrote &&
          replicationIdle &&
          unpushed.size === 0 &&
          navigator.onLine !== false &&
          useSync.getState().phase === 'syncing'
        ) {
          useSync.getState().set({ phase: 'idle' });
        }
        publish();
      } catch (e) {
        if (!stopped) {
          console.warn('Stapwijzer sync: a mirror pass failed; it runs again on the next change', e);
          useSync.getState().set({ phase: 'error', error: 'failed' });
        }
      }
    });
  }

  // ---- replication ---------------------------------------------------------------------------------

  let replication: EventSource | null = null;
  let feed: EventSource | null = null;
  let accessTimer: ReturnType<typeof setTimeout> | null = null;
  let accessDelay = 0;
  let published = false;

  /**
   * connect() runs from timers and events, never awaited: a failure in it (the server gone mid-way)
   * becomes the sync state and a retry, never an uncaught rejection in the page.
   */
  function reconnect(): void {
    connect().catch((e: unknown) => {
      if (stopped) return;
      console.warn('Stapwijzer sync: connecting failed; trying again', e);
      useSync.getState().set({ phase: 'error', error: 'unreachable' });
      accessDelay = backOff(accessDelay);
      accessTimer = setTimeout(reconnect, accessDelay);
    });
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    replication?.cancel();
    replication = null;
    useSync.getState().set({ phase: 'starting' });
    const access = await checkAccess(baseUrl, team);
    if (stopped) return;
    if (!access.ok) {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      useSync.getState().set({ phase: offline ? 'offline' : 'error', error: access.error });
      accessDelay = backOff(accessDelay);
      accessTimer = setTimeout(reconnect, accessDelay);
      return;
    }
    if (signing && !published) {
      // The team must know this device's signing key before anything it signs arrives there.
      const mine = await publishOwnMember(session, team, baseUrl).catch((e: unknown) => {
        console.warn('Stapwijzer sync: could not publish this device as a member; trying again', e);
        return null;
      });
      if (stopped) return;
      if (!mine) {
        useSync.getState().set({ phase: 'error', error: 'unreachable' });
        accessDelay = backOff(accessDelay);
        accessTimer = setTimeout(reconnect, accessDelay);
        return;
      }
      published = true;
      await refreshSigners();
    }
    accessDelay = 0;
    if (!state.firstSyncDone) useSync.getState().set({ progress: { done: 0, total: access.docCount } });
    useSync.getState().set({ phase: 'syncing', error: unreadable.size > 0 ? 'key-rotated' : null });
    const rep = local.sync(remote, {
      live: true,
      retry: true,
      batch_size: BATCH,
      heartbeat: 20_000,
      back_off_function: backOff,
    });
    replication = rep;
    replicationIdle = false;
    rep.on('change', (info: SyncInfo & { change: { docs?: PouchDoc[] } }) => {
      replicationIdle = false;
      if (info.direction === 'push') {
        for (const d of info.change.docs ?? []) unpushed.delete(d._id);
        publish();
      } else schedule([], true);
    });
    rep.on('active', () => {
      replicationIdle = false;
      useSync.getState().set({ phase: 'syncing', error: unreadable.size > 0 ? 'key-rotated' : null });
    });
    // Sync's own 'paused' drops the error, so each direction's failures are watched here.
    const failed: { push: PouchError | null; pull: PouchError | null } = { push: null, pull: null };
    /** Each side paused with nothing left to move, since it last became active. */
    const settled = { push: false, pull: false };
    for (const direction of ['push', 'pull'] as const) {
      const side = rep[direction];
      const fail = (err?: PouchError) => {
        if (!err) return;
        failed[direction] = err;
        useSync.getState().set({ phase: 'offline', error: accessError(err) });
      };
      side.on('requestError', fail);
      side.on('paused', (err?: PouchError) => {
        if (err) fail(err);
        else settled[direction] = true;
      });
      side.on('active', () => {
        failed[direction] = null;
        settled[direction] = false;
      });
      side.on('change', () => {
        failed[direction] = null;
      });
    }
    // Registered after the sides' listeners, so PouchDB adds its own side listeners (which emit this
    // 'paused') after them: `failed` and `settled` are up to date when it fires.
    rep.on('paused', () => {
      const err = failed.push ?? failed.pull;
      // Both sides start out "paused" in PouchDB's sync, so it says paused as soon as one side pauses
      // while the other has not begun: a fresh device's empty push ended its first sync before the pull
      // had fetched anything (found by the cold-start bench). Caught up only once both sides paused.
      if (!err && !(settled.push && settled.pull)) return;
      replicationIdle = !err;
      if (err) {
        useSync.getState().set({ phase: 'offline', error: accessError(err) });
        return;
      }
      running = running
        .then(async () => {
          if (stopped) return;
          if (navigator.onLine === false) {
            useSync.getState().set({ phase: 'offline', error: 'unreachable' });
            publish();
            return;
          }
          // Caught up only when the server acknowledged every envelope this device wrote.
          const caughtUp = unpushed.size === 0;
          if (caughtUp) {
            state.lastSyncedAt = Date.now();
            if (!state.firstSyncDone) {
              state.firstSyncDone = true;
              useSync.getState().set({ progress: null });
            }
            await saveState();
          }
          useSync.getState().set({
            phase: caughtUp ? 'idle' : 'syncing',
            error: unreadable.size > 0 ? 'key-rotated' : null,
          });
          publish();
        })
        .catch((e: unknown) => {
          // Saving the sync state failed (the vault locked, the page closing): the next pause tries again.
          if (!stopped) console.warn('Stapwijzer sync: could not record the caught-up state', e);
        });
    });
    rep.on('denied', () => useSync.getState().set({ phase: 'error', error: 'not-member' }));
    rep.on('error', (err: PouchError) => {
      useSync.getState().set({ phase: 'error', error: accessError(err) });
      accessTimer = setTimeout(reconnect, backOff(accessDelay));
    });
  }

  function accessError(err: PouchError): SyncErrorCode {
    if (err.status === 401 || err.status === 403) return 'not-member';
    return 'unreachable';
  }

  const onOnline = () => reconnect();
  const onOffline = () => useSync.getState().set({ phase: 'offline', error: 'unreachable' });
  window.addEventListener('online', onOnline);
  window.addEventListener('unhandledrejection', onPouchInfoRejection);
  window.addEventListener('offline', onOffline);

  const unsubscribe = onSyncedTablesChanged(session.db, (tables) => schedule(tables));
  const unsubscribeAudit = onOwnAuditChanged(session.db, () => schedule([], false, true));
  feed = local.changes({ since: 'now', live: true, return_docs: false });
  feed.on('change', () => schedule([], true));

  if (signing) await loadLocalSigners();
  store.set({
    lastSyncedAt: state.lastSyncedAt,
    conflicts: [...conflicts.values()],
    refused: await readRefusals(session).catch(() => []),
    unsigned: unsigned.size,
  });
  schedule([...SYNCED_TABLES], true);
  reconnect();

  async function versions(ref: ConflictRef): Promise<ConflictVersion[]> {
    const doc = await local.get(ref.docId, { conflicts: true });
    const revs = [doc._rev, ...(doc._conflicts ?? [])];
    const out: ConflictVersion[] = [];
    for (const [i, rev] of revs.entries()) {
      const version = i === 0 ? doc : await local.get(ref.docId, { rev });
      if (!(await trusted(version))) continue; // a refused version is never offered
      const opened = await openEnvelope(keysOf(version), version);
      if (opened.ok) out.push({ rev, winner: i === 0, record: opened.record });
    }
    return out;
  }

  return {
    loadConflict: versions,
    async resolveConflict(ref, rev) {
      await running;
      const all = await versions(ref);
      const chosen = all.find((v) => v.rev === rev);
      if (!chosen) throw new Error('That version is no longer there');
      // The chosen version becomes the local record (through the repositories), then the other leaves
      // are deleted, so every device ends with the same single version.
      const [outcome] = await applyPulled(session, [{ table: ref.table, record: chosen.record, envelopeRev: rev }]);
      if (outcome === 'dirty') throw new Error('Saved on this device meanwhile; open the record again');
      // Choosing is this person's act (the version itself was logged where it was made).
      await appendAuditQuietly(session.db, [{ action: 'change', recordId: ref.id }]);
      // Every other leaf goes, the refused ones (never offered) too, so no conflict is left behind.
      const leaves = await local.get(ref.docId, { conflicts: true });
      const losers = [leaves._rev, ...(leaves._conflicts ?? [])]
        .filter((r) => r !== rev)
        .map((r) => ({ _id: ref.docId, _rev: r, _deleted: true }));
      const results = await local.bulkDocs(losers);
      for (const r of results) if ('error' in r && r.error) throw new Error(`Could not remove a version: ${r.error}`);
      conflicts.delete(ref.docId);
      own.set(ref.docId, rev);
      await saveState();
      publish();
    },
    async stop() {
      stopped = true;
      if (accessTimer) clearTimeout(accessTimer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('unhandledrejection', onPouchInfoRejection);
      window.removeEventListener('offline', onOffline);
      unsubscribe();
      unsubscribeAudit();
      replication?.cancel();
      feed?.cancel();
      await running.catch(() => {});
      await local.close().catch(() => {});
      await remote.close().catch(() => {});
    },
  };
}
