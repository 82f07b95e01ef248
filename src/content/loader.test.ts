// @vitest-environment node
// WebCrypto digests run in Node's environment: jsdom's typed arrays and Node's crypto.subtle clash.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK_JSON, loadBundledPack, loadBundledRoles } from './bundled';
import { packDigest } from './digest';
import { renderExpectedDigests } from './expected-digests-file';
import { loadPack } from './loader';
import { EXPECTED_DIGESTS } from './packs/expected-digests';
import { BUNDLED_FILES } from './packs/files';

const dir = fileURLToPath(new URL('./packs/', import.meta.url));
const raw = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8'));
const PACKS = ['postpartum', 'relapse-prevention', 'caregivers'] as const;

describe('bundled packs', () => {
  it.each(PACKS)('%s passes schema, integrity, digest and its golden vectors', async (id) => {
    const r = await loadBundledPack(id);
    expect(r.ok ? 'loaded' : r.error.message).toBe('loaded');
  });

  it('roles.json maps each role to its pathways', async () => {
    const r = await loadBundledRoles();
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.fromEntries(r.pack.roles.map((role) => [role.id, role.pathways]))).toEqual({
      'verloskundige-kraamzorg-jgz': ['postpartum'],
      'poh-ggz': ['relapse-prevention', 'caregivers'],
      mantelzorgondersteuner: ['caregivers'],
    });
  });

  it('expected-digests.ts and every pack digest field are up to date (run scripts/pack-digests.ts)', async () => {
    const digests: Record<string, string> = {};
    for (const name of BUNDLED_FILES) {
      const json = raw(name);
      digests[name] = await packDigest(json);
      expect(json.digest, `${name}.json digest field`).toBe(digests[name]);
    }
    expect(readFileSync(`${dir}expected-digests.ts`, 'utf8')).toBe(renderExpectedDigests(digests));
    expect(EXPECTED_DIGESTS).toEqual(digests);
  });

  it('the digest ignores key order and formatting but not content', async () => {
    const json = raw('roles');
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    expect(await packDigest(reordered)).toBe(await packDigest(json));
    expect(await packDigest({ ...json, contentVersion: '1.0.1' })).not.toBe(await packDigest(json));
  });
});

describe('refused packs', () => {
  it('a tampered pack (digest mismatch) is refused with a clear error, even when it updates its own digest', async () => {
    const json = structuredClone(raw('postpartum'));
    const pathway = json.pathway as { rules: { outcome: { step: number } }[] };
    const first = pathway.rules[0];
    if (first === undefined) throw new Error('no rules');
    first.outcome.step = 1;
    const selfVouched = { ...json, digest: await packDigest(json) };
    const r = await loadPack(selfVouched, EXPECTED_DIGESTS.postpartum);
    expect(r.ok ? null : [r.error.code, r.error.packId]).toEqual(['digest-mismatch', 'postpartum']);
    expect(r.ok ? '' : r.error.message).toMatch(/postpartum: digest does not match the one built into the app/);
  });

  it('a pack with a failing golden vector is refused, naming the vector and the field', async () => {
    const json = structuredClone(raw('caregivers'));
    const vectors = json.goldenVectors as { id: string; expect: { total?: number } }[];
    const v = vectors.find((x) => x.id === 'ediz-4');
    if (v?.expect.total === undefined) throw new Error('vector missing');
    v.expect.total = 5;
    const digest = await packDigest(json);
    const r = await loadPack({ ...json, digest }, digest);
    expect(r.ok ? null : r.error.code).toBe('golden-vector-failed');
    expect(r.ok ? '' : r.error.message).toContain(
      'caregivers: golden vector(s) failed: vector ediz-4: total: expected 5, got 4',
    );
  });

  it('a pack that breaks the schema is refused with the field path', async () => {
    const json = structuredClone(raw('relapse-prevention'));
    delete (json.title as { en?: string }).en;
    const r = await loadPack(json, EXPECTED_DIGESTS['relapse-prevention']);
    expect(r.ok ? null : r.error.code).toBe('schema');
    expect(r.ok ? [] : r.error.details).toContain('title.en: Invalid key: Expected "en" but received undefined');
  });

  it('a pack that names an unknown source or help route fails the integrity check', async () => {
    const json = structuredClone(raw('postpartum'));
    const cards = json.cards as { sources: string[]; helpRoutes: string[] }[];
    const card = cards[0];
    if (card === undefined) throw new Error('no cards');
    card.sources = ['S999'];
    card.helpRoutes = ['nowhere'];
    const digest = await packDigest(json);
    const r = await loadPack({ ...json, digest }, digest);
    expect(r.ok ? null : r.error.code).toBe('integrity');
    expect(r.ok ? [] : r.error.details).toEqual(
      expect.arrayContaining([
        expect.stringContaining('source S999 is not listed'),
        expect.stringContaining('unknown help route nowhere'),
      ]),
    );
  });

  it('a score-entry instrument that ships item text is refused', async () => {
    const json = structuredClone(raw('postpartum'));
    const epds = (json.instruments as { id: string; items: { text?: unknown }[] }[]).find((i) => i.id === 'epds');
    const item = epds?.items[0];
    if (item === undefined) throw new Error('no epds');
    item.text = { nl: 'x', en: 'x' };
    const digest = await packDigest(json);
    const r = await loadPack({ ...json, digest }, digest);
    expect(r.ok ? [] : r.error.details).toContain('instrument epds: score-entry item epds-1 must not carry item text');
  });

  it('raw JSON that is not a pack is refused as "unknown pack"', async () => {
    const r = await loadPack('nonsense', EXPECTED_DIGESTS.postpartum);
    expect(r.ok ? null : [r.error.code, r.error.packId]).toEqual(['schema', 'unknown pack']);
  });

  it('BUNDLED_PACK_JSON holds the three pathway packs', () => {
    expect(Object.keys(BUNDLED_PACK_JSON).sort()).toEqual(['caregivers', 'postpartum', 'relapse-prevention']);
  });
});
