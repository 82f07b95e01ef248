// The access check before replicating (no PouchDB here): which of the named errors it is, if any.
import type { SyncErrorCode } from './sync-store';
import type { TeamSetting } from './team-settings';

function basic(team: TeamSetting): string {
  const bytes = new TextEncoder().encode(`${team.username}:${team.password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

/** Checks the server account and membership before replicating, so the error can be named. */
export async function checkAccess(
  baseUrl: string,
  team: TeamSetting,
): Promise<{ ok: true; docCount: number } | { ok: false; error: SyncErrorCode }> {
  try {
    const login = await fetch(`${baseUrl}_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: team.username, password: team.password }),
    });
    if (login.status === 401) return { ok: false, error: 'credentials' };
    if (!login.ok) return { ok: false, error: 'unreachable' };
    const info = await fetch(`${baseUrl}${encodeURIComponent(team.database)}`, {
      headers: { Authorization: basic(team) },
    });
    if (info.status === 401 || info.status === 403 || info.status === 404) return { ok: false, error: 'not-member' };
    if (!info.ok) return { ok: false, error: 'unreachable' };
    const body: unknown = await info.json();
    const docCount =
      typeof body === 'object' && body !== null && 'doc_count' in body && typeof body.doc_count === 'number'
        ? body.doc_count
        : 0;
    return { ok: true, docCount };
  } catch {
    return { ok: false, error: 'unreachable' };
  }
}
