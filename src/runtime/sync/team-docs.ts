// The team database's documents that are not records (issue 20), read and written over plain HTTP
// (no PouchDB: joining happens before a device has a team, on the settings screen). They keep the
// envelope's shape `{_id, kid, v, payload}`, so the server sees nothing new:
// - `j-<device>`: a join offer to a newcomer, then the team keys wrapped to it; deleted once imported;
// - `m-<device>`: a member (device id, public key, initials), sealed under the team key;
// - `k-<device>`: the team keys wrapped to a member after a rotation.
// Device ids are base32 (upper case); document ids use them in lower case.
import * as v from 'valibot';
import type { TeamKeyRing, TeamKeys } from './envelope';
import type { KeyBundle } from './join-crypto';
import { fromBase64 } from './team-settings';

export interface TeamAccount {
  database: string;
  username: string;
  password: string;
}

export class TeamServerError extends Error {
  override readonly name = 'TeamServerError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface RawDoc {
  _id: string;
  _rev?: string | undefined;
  kid: string;
  v: number;
  payload: string;
}

function basic(account: TeamAccount): string {
  const bytes = new TextEncoder().encode(`${account.username}:${account.password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

function toBase64(buf: Uint8Array): string {
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
}

const jsonPayload = (x: unknown) => toBase64(new TextEncoder().encode(JSON.stringify(x)));
const parsePayload = (payload: string): unknown => JSON.parse(new TextDecoder().decode(fromBase64(payload)));

export const joinDocId = (deviceId: string) => `j-${deviceId.toLowerCase()}`;
export const memberDocId = (deviceId: string) => `m-${deviceId.toLowerCase()}`;
export const keyDocId = (deviceId: string) => `k-${deviceId.toLowerCase()}`;

export class TeamDocs {
  constructor(
    readonly baseUrl: string,
    readonly account: TeamAccount,
  ) {}

  #url(id: string): string {
    return `${this.baseUrl}${encodeURIComponent(this.account.database)}/${encodeURIComponent(id)}`;
  }

  async #fetch(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(url, {
        ...init,
        headers: { Authorization: basic(this.account), 'Content-Type': 'application/json' },
      });
    } catch (e) {
      throw new TeamServerError(0, e instanceof Error ? e.message : 'unreachable');
    }
  }

  async get(id: string): Promise<RawDoc | null> {
    const res = await this.#fetch(this.#url(id));
    if (res.status === 404) return null;
    if (!res.ok) throw new TeamServerError(res.status, `GET ${id}`);
    const doc: unknown = await res.json();
    const parsed = v.safeParse(RawDocSchema, doc);
    return parsed.success ? parsed.output : null;
  }

  /** Writes the document, replacing the current revision if there is one. */
  async put(doc: Omit<RawDoc, '_rev'>): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.get(doc._id).catch(() => null);
      const res = await this.#fetch(this.#url(doc._id), {
        method: 'PUT',
        body: JSON.stringify({ ...doc, ...(current?._rev ? { _rev: current._rev } : {}) }),
      });
      if (res.ok) return;
      if (res.status !== 409) throw new TeamServerError(res.status, `PUT ${doc._id}`);
    }
    throw new TeamServerError(409, `PUT ${doc._id}: kept conflicting`);
  }

  async remove(id: string): Promise<void> {
    const current = await this.get(id);
    if (!current?._rev) return;
    const res = await this.#fetch(`${this.#url(id)}?rev=${encodeURIComponent(current._rev)}`, { method: 'DELETE' });
    if (!res.ok && res.status !== 404) throw new TeamServerError(res.status, `DELETE ${id}`);
  }

  /** Every live document whose id starts with `prefix`. */
  async list(prefix: string): Promise<RawDoc[]> {
    const q = new URLSearchParams({
      include_docs: 'true',
      startkey: JSON.stringify(prefix),
      endkey: JSON.stringify(`${prefix}\ufff0`),
    });
    const res = await this.#fetch(`${this.baseUrl}${encodeURIComponent(this.account.database)}/_all_docs?${q}`);
    if (!res.ok) throw new TeamServerError(res.status, `list ${prefix}`);
    const body: unknown = await res.json();
    const rows = v.safeParse(v.object({ rows: v.array(v.object({ doc: v.optional(v.unknown()) })) }), body);
    if (!rows.success) return [];
    const out: RawDoc[] = [];
    for (const row of rows.output.rows) {
      const doc = v.safeParse(RawDocSchema, row.doc);
      if (doc.success) out.push(doc.output);
    }
    return out;
  }
}

const RawDocSchema = v.object({
  _id: v.string(),
  _rev: v.optional(v.string()),
  kid: v.string(),
  v: v.number(),
  payload: v.string(),
});

const Base32Key = v.pipe(v.string(), v.regex(/^[A-Z2-7]{104}$/));
const BundleSchema = v.object({
  from: Base32Key,
  to: Base32Key,
  salt: v.string(),
  keys: v.pipe(
    v.array(v.object({ kid: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)), wrapped: v.string() })),
    v.minLength(1),
  ),
});

// ---- join documents ------------------------------------------------------------------------------

const JoinSchema = v.variant('stage', [
  v.object({ stage: v.literal('offer'), from: Base32Key, teamId: v.string() }),
  v.object({ stage: v.literal('key'), from: Base32Key, teamId: v.string(), bundle: BundleSchema }),
]);
export type JoinDoc = v.InferOutput<typeof JoinSchema>;

export function joinDoc(deviceId: string, body: JoinDoc): Omit<RawDoc, '_rev'> {
  return { _id: joinDocId(deviceId), kid: 'join', v: 1, payload: jsonPayload(body) };
}

/** The join document's content, or null when there is none or it is not one. */
export function readJoin(doc: RawDoc | null): JoinDoc | null {
  if (doc?.kid !== 'join') return null;
  try {
    const parsed = v.safeParse(JoinSchema, parsePayload(doc.payload));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

// ---- key documents (after a rotation) ------------------------------------------------------------

const KeyDocSchema = v.object({ teamId: v.string(), bundle: BundleSchema });

export function keyDoc(deviceId: string, teamId: string, bundle: KeyBundle): Omit<RawDoc, '_rev'> {
  return { _id: keyDocId(deviceId), kid: 'keys', v: 1, payload: jsonPayload({ teamId, bundle }) };
}

export function readKeyDoc(doc: RawDoc | null): { teamId: string; bundle: KeyBundle } | null {
  if (doc?.kid !== 'keys') return null;
  try {
    const parsed = v.safeParse(KeyDocSchema, parsePayload(doc.payload));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

// ---- member documents (sealed under the team key) --------------------------------------------------

const MemberSchema = v.object({
  deviceId: v.pipe(v.string(), v.regex(/^[A-Z2-7]{8}$/)),
  publicKey: Base32Key,
  initials: v.pipe(v.string(), v.maxLength(6)),
  /**
   * The device's ECDSA signing public key (issue 20: signed envelopes). Absent in member documents
   * written before signing existed; the engine adds it before its device pushes anything.
   */
  signingKey: v.optional(Base32Key),
});
export type Member = v.InferOutput<typeof MemberSchema>;

const sealedAad = (label: string, id: string, kid: string) =>
  new TextEncoder().encode(JSON.stringify([label, id, kid]));
const MEMBER_LABEL = 'stapwijzer/member/1';
const FORMER_LABEL = 'stapwijzer/former-member/1';

async function sealJson(keys: TeamKeys, id: string, label: string, body: unknown): Promise<Omit<RawDoc, '_rev'>> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  // Padded to one size with or without the signing key, so the size does not tell which build wrote it.
  const plain = new TextEncoder().encode(JSON.stringify(body).padEnd(512, ' '));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: sealedAad(label, id, keys.kid) },
      keys.enc,
      plain,
    ),
  );
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return { _id: id, kid: keys.kid, v: 1, payload: toBase64(out) };
}

async function openJson(ring: TeamKeyRing, doc: RawDoc, label: string): Promise<unknown> {
  const keys = ring.of(doc.kid);
  if (!keys) return null;
  try {
    const all = fromBase64(doc.payload);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: all.slice(0, 12), additionalData: sealedAad(label, doc._id, doc.kid) },
      keys.enc,
      all.slice(12),
    );
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return null;
  }
}

export function sealMember(keys: TeamKeys, member: Member): Promise<Omit<RawDoc, '_rev'>> {
  return sealJson(keys, memberDocId(member.deviceId), MEMBER_LABEL, member);
}

/** Opens a member document; null when it does not open under any generation held (forged or unknown). */
export async function openMember(ring: TeamKeyRing, doc: RawDoc): Promise<Member | null> {
  const parsed = v.safeParse(MemberSchema, await openJson(ring, doc, MEMBER_LABEL));
  if (!parsed.success || memberDocId(parsed.output.deviceId) !== doc._id) return null;
  return parsed.output;
}

// ---- former members (after a removal) -------------------------------------------------------------

/**
 * `x-<device>`: a removed member's keys, sealed under the generation its removal made, with `until`,
 * that generation's kid. What the removed device signed under EARLIER generations still verifies on a
 * device that joins later (its records stay the team's); nothing under `until` or later does. Not a
 * member: the member list, rotations and joins never read these.
 */
export const formerDocId = (deviceId: string) => `x-${deviceId.toLowerCase()}`;
const FormerSchema = v.object({ member: MemberSchema, until: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)) });
export type FormerMember = v.InferOutput<typeof FormerSchema>;

export function sealFormer(keys: TeamKeys, former: FormerMember): Promise<Omit<RawDoc, '_rev'>> {
  return sealJson(keys, formerDocId(former.member.deviceId), FORMER_LABEL, former);
}

export async function openFormer(ring: TeamKeyRing, doc: RawDoc): Promise<FormerMember | null> {
  const parsed = v.safeParse(FormerSchema, await openJson(ring, doc, FORMER_LABEL));
  if (!parsed.success || formerDocId(parsed.output.member.deviceId) !== doc._id) return null;
  return parsed.output;
}
