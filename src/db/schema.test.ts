// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CLEAR_FIELDS, UNSEALED_TABLE_FIELDS } from './clear-fields';
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
    // Numbers are pre-allocated to parallel branches, so a branch may leave a gap the merge fills.
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    expect(numbers.every((n, i) => i === 0 || n > (numbers[i - 1] ?? 0))).toBe(true);
  });

  it('from v10 on, every index of a sealed (or listed unsealed) table is over fields that are in clear', () => {
    const rules: Record<string, readonly string[]> = {
      ...Object.fromEntries(Object.entries(CLEAR_FIELDS).map(([t, r]) => [t, r.clear])),
      ...UNSEALED_TABLE_FIELDS,
    };
    const fieldsOf = (spec: string) =>
      spec
        .split(',')
        .map((i) => i.trim().replace(/^[&*]/, ''))
        .flatMap((i) => (i.startsWith('[') ? i.slice(1, -1).split('+') : [i]));
    // Before v10 the v1 indexes over status, dates, pathway… were still there: the check has teeth.
    const v9 = storesAt(SCHEMA_VERSIONS.filter((v) => v.version <= 9));
    expect(fieldsOf(v9.followUps ?? '')).toContain('dueDate');
    for (const at of SCHEMA_VERSIONS.filter((v) => v.version >= 10)) {
      const stores = storesAt(SCHEMA_VERSIONS.filter((v) => v.version <= at.version));
      for (const [table, spec] of Object.entries(stores)) {
        const clear = rules[table];
        if (!clear) continue; // content (packs), meta and the v1 clear audit log: no sealed rows
        for (const field of fieldsOf(spec)) expect(clear, `${table}.${field}@v${at.version}`).toContain(field);
      }
    }
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
