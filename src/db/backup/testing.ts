/** Test helpers for backup specs: a full, comparable dump of every table. Test-only. */
import type { StapwijzerDb } from '../database';

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return `bytes:${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Every row of every table, keyed by table, ordered by primary key; bytes as hex. */
export async function snapshotDb(db: StapwijzerDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = (await table.toArray()).map(plain);
  return out;
}
