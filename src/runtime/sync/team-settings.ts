// The team this device syncs with, kept as one vault setting ('team'), sealed under the data key like
// every setting: the team key (raw AES key bytes, base64), its generation id (`kid`) and the server
// account, this device's id in the team and the older key generations (issue 20: a rotation makes a
// new generation; envelopes name theirs, so older ones still open). Joining (team-membership.ts)
// writes it; the Settings dev action and test helpers may still write one by hand. No PouchDB here: this module is on the unlocked path of every device, team or not.
import * as v from 'valibot';
import { getSetting, putSetting, type VaultSession } from '../../db';

export const TEAM_SETTING = 'team';

const Base64Key = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/, 'a 32-byte key in base64'));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));

export const TeamSettingSchema = v.object({
  /** Names the local envelope database; random, not secret. */
  teamId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  /** Team-key generation; a new generation after a rotation (issue 20). */
  kid: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  key: Base64Key,
  /** The CouchDB database of the team, reached as /sync/<database>. */
  database: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_$()+/-]{0,127}$/, 'a CouchDB database name')),
  username: Name,
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /**
   * The device key this device joined with. Another device key here (a restored backup, a lost key
   * row) means the device must rejoin: sync does not start. Absent in hand-made (dev) settings.
   */
  deviceId: v.optional(v.pipe(v.string(), v.regex(/^[A-Z2-7]{8}$/))),
  /** Earlier generations, oldest first: envelopes sealed under them still open. */
  older: v.optional(v.array(v.object({ kid: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)), key: Base64Key }))),
});
export type TeamSetting = v.InferOutput<typeof TeamSettingSchema>;

export async function readTeam(session: VaultSession): Promise<TeamSetting | null> {
  const record = await getSetting(session, TEAM_SETTING);
  const parsed = v.safeParse(TeamSettingSchema, record?.data);
  return parsed.success ? parsed.output : null;
}

export async function writeTeam(session: VaultSession, team: TeamSetting): Promise<void> {
  const loaded = await getSetting(session, TEAM_SETTING);
  await putSetting(session, TEAM_SETTING, v.parse(TeamSettingSchema, team), loaded);
}

/** Every generation this device holds, oldest first; the last one is the current one. */
export function generationsOf(team: TeamSetting): { kid: string; key: string }[] {
  return [...(team.older ?? []), { kid: team.kid, key: team.key }];
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * A fresh random team key and generation id (`g<generation>-s-<random>`). The `s` marks a generation
 * made by a build that signs envelopes (signature.ts): under it an unsigned envelope is refused.
 * Older builds made `g<generation>-<random>`.
 */
export function newTeamKey(generation = 1): { key: string; kid: string } {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const kid = `g${generation}-s-${toBase64(crypto.getRandomValues(new Uint8Array(6)))
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;
  return { key: toBase64(key), kid };
}
