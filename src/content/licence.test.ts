/** Licence packs add text only; anything else is refused with a typed error. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { applyLicencePack, type LicenceInstrumentPatch, type LicencePack } from '../domain';
import fixture from './fixtures/epds-licence-pack.fixture.json';
import { importLicencePack } from './licence-import';
import { LicencePackSchema } from './schema';
import { bundledPack } from './testing';

const pack = bundledPack('postpartum');
const licence: LicencePack = v.parse(LicencePackSchema, fixture);
const epdsPatch = (): LicenceInstrumentPatch => {
  const p = licence.instruments[0];
  if (p === undefined) throw new Error('fixture has no instrument');
  return p;
};
const withPatch = (patch: LicenceInstrumentPatch): LicencePack => ({ ...licence, instruments: [patch] });
const errorOf = (l: LicencePack) => {
  const r = applyLicencePack(pack, l);
  return r.ok ? null : r.error;
};

describe('licence pack', () => {
  it('adds the licensed item text to EPDS, switches it to full text (self-completion) and keeps the golden vectors passing', () => {
    const r = importLicencePack(pack, structuredClone(fixture));
    if (!r.ok) throw new Error(r.error.message);
    const epds = r.pack.instruments.find((i) => i.id === 'epds');
    const original = pack.instruments.find((i) => i.id === 'epds');
    expect(epds?.presentation).toBe('full-text');
    expect(epds?.items[0]?.text?.en).toBe('[EPDS item 1 — licensed text]');
    expect(epds?.licence.licensedBy).toBe('fixture-epds-licence');
    expect([epds?.scoring, epds?.bands, epds?.redFlags]).toEqual([
      original?.scoring,
      original?.bands,
      original?.redFlags,
    ]);
    expect(r.pack.pathway).toBe(pack.pathway);
  });

  it('refuses an attempt to change the scoring key', () => {
    expect(errorOf(withPatch({ ...epdsPatch(), scoring: { reversedItems: [] } }))).toMatchObject({
      code: 'changes-more-than-text',
      field: 'scoring',
    });
  });

  it('refuses an attempt to change bands', () => {
    expect(errorOf(withPatch({ ...epdsPatch(), bands: [] }))).toMatchObject({
      code: 'changes-more-than-text',
      field: 'bands',
    });
  });

  it('refuses an attempt to change an item score', () => {
    const [first, ...rest] = epdsPatch().items;
    if (first === undefined) throw new Error('no items');
    expect(errorOf(withPatch({ ...epdsPatch(), items: [{ ...first, scores: [3, 2, 1, 0] }, ...rest] }))).toMatchObject({
      code: 'changes-more-than-text',
      field: 'items[0].scores',
    });
  });

  it('refuses an unknown instrument and a different instrument version', () => {
    expect(errorOf(withPatch({ ...epdsPatch(), instrumentId: 'zarit' }))).toMatchObject({ code: 'unknown-instrument' });
    expect(errorOf(withPatch({ ...epdsPatch(), instrumentVersion: '2.0.0' }))).toMatchObject({
      code: 'version-mismatch',
    });
  });

  it('refuses a licence pack for another pack, and one that leaves items without text', () => {
    expect(errorOf({ ...licence, packId: 'caregivers' })).toMatchObject({ code: 'wrong-pack' });
    expect(errorOf(withPatch({ ...epdsPatch(), items: epdsPatch().items.slice(1) }))).toMatchObject({
      code: 'incomplete-text',
      field: 'items.epds-1.text',
    });
  });

  it('an imported licence pack that changes more than text is refused by the loader with a clear message', () => {
    const r = importLicencePack(pack, {
      ...structuredClone(fixture),
      instruments: [{ ...structuredClone(fixture.instruments[0]), cutoffs: [] }],
    });
    expect(r.ok ? null : r.error.message).toBe(
      'postpartum: licence pack may only add text; "cutoffs" of epds cannot be changed',
    );
  });
});
