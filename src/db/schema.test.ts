// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { durabilityFor } from './database';
import { SCHEMA_VERSIONS, storesAt } from './schema-versions';
import { testDb } from './testing/fixture-db';

describe('R6: schema lint', () => {
  it('no table in any version uses an auto-increment (++) or outbound/compound primary key', () => {
    for (const v of SCHEMA_VERSIONS) {
      for (const [table, spec] of Object.entries(v.stores)) {
        if (spec === null) continue;
        const primary = spec.split(',')[0]?.trim() ?? '';
        expect(spec, `${table}@v${v.version}`).not.toContain('++');
        expect(primary, `${table}@v${v.version}`).toMatch(/^[a-zA-Z]+$/);
      }
    }
  });

  it('versions are strictly increasing and start at 1', () => {
    // Strictly increasing, not contiguous: numbers are pre-allocated to parallel work (schema-versions.ts).
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((v, i) => i === 0 || v > (versions[i - 1] ?? Number.POSITIVE_INFINITY))).toBe(true);
  });

  it('the opened database has no key generator on any store', async () => {
    const db = testDb();
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(storesAt(SCHEMA_VERSIONS)).sort());
    for (const t of db.tables) {
      expect(t.schema.primKey.auto, t.name).toBeFalsy();
      expect(typeof t.schema.primKey.keyPath, t.name).toBe('string');
    }
  });

  it('durability: readwrite is strict unless it only touches drafts', () => {
    expect(durabilityFor(['drafts'], 'readwrite')).toBe('relaxed');
    expect(durabilityFor(['screenings', 'drafts'], 'readwrite')).toBe('strict');
    expect(durabilityFor(['meta'], 'readwrite')).toBe('strict');
    expect(durabilityFor(['clients'], 'readonly')).toBe('default');
  });
});
