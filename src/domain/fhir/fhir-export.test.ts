/**
 * Every export of every instrument and pathway — each golden vector, plus fixtures at every item's
 * minimum and maximum, each red flag alone and each safety question answered yes — validates against
 * the official FHIR R4 JSON schema (Ajv) and the FHIRPath invariants of tests/fhir; a broken export
 * fails them.
 */

import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportProblems, type Known } from '../../../tests/fhir/export-invariants';
import { schemaErrors } from '../../../tests/fhir/r4-validator';
import licenceFixture from '../../content/fixtures/epds-licence-pack.fixture.json';
import { LicencePackSchema } from '../../content/schema';
import { bundledPack } from '../../content/testing';
import { applyLicencePack } from '../licence';
import type { ScreeningOutcome } from '../result';
import { evaluateScreening } from '../routing';
import { type Answers, type ContentPack, PATHWAY_IDS, type ScreeningContext } from '../types';
import {
  type Bundle,
  buildBundle,
  buildCodeSystem,
  buildQuestionnaire,
  DEFAULT_CANONICAL_BASE,
  LOINC,
  scoreFacts,
} from '.';
import { questionnaireCanonical } from './questionnaire';

const BASE = DEFAULT_CANONICAL_BASE;
const NOW = '2026-11-22T10:00:00+01:00';
const packs = PATHWAY_IDS.map(bundledPack);

function knownResources(base = BASE): Known {
  const questionnaires = new Map();
  const codeSystems = new Map();
  for (const pack of packs) {
    const cs = buildCodeSystem(pack, base, 'nl');
    codeSystems.set(`${cs.url}|${cs.version}`, cs);
    for (const instrument of pack.instruments) {
      questionnaires.set(
        questionnaireCanonical(base, instrument, pack),
        buildQuestionnaire(instrument, pack, base, 'nl'),
      );
    }
  }
  return { questionnaires, codeSystems };
}

function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

/** The export of one evaluated screening, as the app builds it (a safety path gets an action). */
function exportOf(pack: ContentPack, outcome: ScreeningOutcome, flags: Readonly<Record<string, boolean>>, at: string) {
  const instrument = pack.instruments.find((i) => i.id === outcome.score.instrumentId);
  if (!instrument) throw new Error(outcome.score.instrumentId);
  const safetyQuestions = pack.pathway.questions
    .filter((q) => q.effect.kind === 'safety' && flags[q.id] === true)
    .map((q) => ({ questionId: q.id, question: q.question }));
  const action = pack.pathway.safety.actions[0];
  return {
    pack,
    instrument,
    ...scoreFacts(outcome.score),
    safetyQuestions,
    safetyActions:
      outcome.recommendation.kind === 'safety' && action ? [{ actionId: action.id, label: action.label }] : [],
    authored: at,
    keyConfirmed: outcome.score.keyVerified,
  };
}

function bundleFor(
  pack: ContentPack,
  outcome: ScreeningOutcome,
  flags: Readonly<Record<string, boolean>> = {},
): Bundle {
  return buildBundle({
    base: BASE,
    language: 'nl',
    now: NOW,
    subject: { kind: 'code', value: 'K-0042' },
    screenings: [exportOf(pack, outcome, flags, outcome.evaluatedAt)],
    newId: counter(),
  });
}

function evaluate(
  pack: ContentPack,
  instrumentId: string,
  answers: Answers,
  context: ScreeningContext,
  flags: Readonly<Record<string, boolean>> = {},
): ScreeningOutcome {
  const r = evaluateScreening({ pack, instrumentId, answers, context, flags, now: '2026-11-22T09:00:00.000Z' });
  if (!r.ok) throw new Error(`${instrumentId}: ${r.error.message}`);
  return r.value;
}

interface Case {
  name: string;
  pack: ContentPack;
  outcome: ScreeningOutcome;
  flags: Readonly<Record<string, boolean>>;
}

function contextOf(pack: ContentPack): ScreeningContext {
  return pack.pathway.context === 'perinatal' ? { phase: 'postpartum', weeks: 6 } : { phase: 'none' };
}

/** Golden vectors (screenings, the current screening of follow-ups, the PHQ-9 of decision aids) and fixtures. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const pack of packs) {
    const add = (name: string, id: string, answers: Answers, context: ScreeningContext, flags = {}) =>
      out.push({ name: `${pack.id} ${name}`, pack, outcome: evaluate(pack, id, answers, context, flags), flags });
    for (const g of pack.goldenVectors) {
      if (g.kind === 'screening') add(g.id, g.input.instrumentId, g.input.answers, g.input.context, g.input.flags);
      if (g.kind === 'follow-up') add(g.id, g.input.instrumentId, g.input.answers, g.input.context);
      if (g.kind === 'decision-aid' && g.input.intake.phq9) add(g.id, 'phq-9', g.input.intake.phq9, { phase: 'none' });
    }
    for (const instrument of pack.instruments) {
      const at = (pick: (count: number) => number) =>
        Object.fromEntries(
          instrument.items.map((item) => [
            item.id,
            pick(
              item.optionLabels?.length ?? instrument.optionLabels?.length ?? instrument.scoring.optionScores.length,
            ),
          ]),
        );
      add(
        `${instrument.id} every item first option`,
        instrument.id,
        at(() => 0),
        contextOf(pack),
      );
      add(
        `${instrument.id} every item last option`,
        instrument.id,
        at((n) => n - 1),
        contextOf(pack),
      );
      for (const flag of instrument.redFlags) {
        const lowest = instrument.scoring.reversedItems.includes(flag.itemId)
          ? instrument.scoring.optionScores.length - 1
          : 0;
        const base = Object.fromEntries(
          instrument.items.map((i) => [
            i.id,
            instrument.scoring.reversedItems.includes(i.id) ? instrument.scoring.optionScores.length - 1 : 0,
          ]),
        );
        add(
          `${flag.id} alone`,
          instrument.id,
          { ...base, [flag.itemId]: lowest === 0 ? 1 : lowest - 1 },
          contextOf(pack),
        );
      }
      for (const q of pack.pathway.questions.filter((q) => q.effect.kind === 'safety')) {
        if (!pack.pathway.instruments.includes(instrument.id)) continue;
        add(
          `${instrument.id} with ${q.id} yes`,
          instrument.id,
          at(() => 0),
          contextOf(pack),
          { [q.id]: true },
        );
      }
    }
  }
  return out;
}

let known: Known;
beforeAll(() => {
  known = knownResources();
});

describe('shipped resources', () => {
  it.each(packs.map((p) => [p.id, p]))(
    'the %s CodeSystem and Questionnaires validate against the R4 schema',
    (_, pack) => {
      expect(schemaErrors(buildCodeSystem(pack, BASE, 'nl'))).toEqual([]);
      for (const instrument of pack.instruments) {
        expect(schemaErrors(buildQuestionnaire(instrument, pack, BASE, 'nl'))).toEqual([]);
        expect(
          schemaErrors(buildQuestionnaire(instrument, pack, 'https://zorg.example-praktijk.nl/fhir', 'en')),
        ).toEqual([]);
      }
    },
  );

  it('every answer option carries the scoring key as ordinalValue (reversed EPDS items count down)', () => {
    const epds = bundledPack('postpartum').instruments.find((i) => i.id === 'epds');
    if (!epds) throw new Error('no epds');
    const q = buildQuestionnaire(epds, bundledPack('postpartum'), BASE, 'nl');
    const ordinals = (linkId: string) =>
      q.item.find((i) => i.linkId === linkId)?.answerOption?.map((o) => o.extension?.[0]?.valueDecimal);
    expect(ordinals('epds-1')).toEqual([0, 1, 2, 3]);
    expect(ordinals('epds-3')).toEqual([3, 2, 1, 0]);
    expect(ordinals('epds-10')).toEqual([3, 2, 1, 0]);
  });

  it('a licence pack changes nothing but the copyright line: no licensed item or answer text leaves the device', () => {
    const pack = bundledPack('postpartum');
    const licensed = applyLicencePack(pack, v.parse(LicencePackSchema, licenceFixture));
    if (!licensed.ok) throw new Error(licensed.error.message);
    const epds = (p: ContentPack) => {
      const instrument = p.instruments.find((i) => i.id === 'epds');
      if (!instrument) throw new Error('no epds');
      return buildQuestionnaire(instrument, p, BASE, 'nl');
    };
    const withLicence = epds(licensed.pack);
    expect({ ...withLicence, copyright: '' }).toEqual({ ...epds(pack), copyright: '' });
    expect(JSON.stringify(withLicence.item)).not.toMatch(/gelicentieerde tekst|licensed text/);
  });

  it('canonical URLs use the URN default, never a web domain', () => {
    const json = JSON.stringify([...known.questionnaires.values(), ...known.codeSystems.values()]);
    expect(json).toContain('"url":"urn:stapwijzer:Questionnaire:epds"');
    expect(json).toContain('"url":"urn:stapwijzer:CodeSystem:postpartum"');
    expect(
      json.match(/https?:\/\/[^"]+/g)?.filter((u) => !u.startsWith('http://hl7.org/') && u !== LOINC) ?? [],
    ).toEqual([]);
  });
});

describe('every export of every instrument and pathway', () => {
  const all = cases();
  it('covers every instrument of every pack', () => {
    const covered = new Set(all.map((c) => `${c.pack.id}/${c.outcome.score.instrumentId}`));
    for (const pack of packs) for (const i of pack.instruments) expect(covered).toContain(`${pack.id}/${i.id}`);
    expect(all.some((c) => c.outcome.score.redFlags.length > 0)).toBe(true);
    expect(all.some((c) => Object.values(c.flags).includes(true))).toBe(true);
  });

  it.each(all.map((c) => [c.name, c]))('%s validates and keeps the invariants', (_, c) => {
    expect(exportProblems(bundleFor(c.pack, c.outcome, c.flags), known)).toEqual([]);
  });
});

describe('a broken export fails the checks', () => {
  const pack = bundledPack('relapse-prevention');
  const outcome = evaluate(
    pack,
    'phq-9',
    {
      'phq9-1': 2,
      'phq9-2': 2,
      'phq9-3': 1,
      'phq9-4': 1,
      'phq9-5': 0,
      'phq9-6': 1,
      'phq9-7': 0,
      'phq9-8': 0,
      'phq9-9': 1,
    },
    { phase: 'none' },
  );
  /** A mutable JSON copy, as a receiver would parse it. */
  type Json = { entry: { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } }[] };
  const broken = (change: (b: Json) => void): Bundle => {
    const copy: Json = JSON.parse(JSON.stringify(bundleFor(pack, outcome)));
    change(copy);
    return JSON.parse(JSON.stringify(copy));
  };
  const totalObservation = (b: Json) =>
    b.entry.find(
      (e) =>
        e.resource.resourceType === 'Observation' &&
        'interpretation' in e.resource &&
        'valueInteger' in e.resource &&
        JSON.stringify(e.resource).includes('phq-9.total'),
    );
  const problems = (b: Bundle) => exportProblems(b, known).join('\n');

  it('the intact export passes', () => {
    expect(exportProblems(bundleFor(pack, outcome), known)).toEqual([]);
  });

  it('a missing total Observation fails', () => {
    expect(problems(broken((b) => b.entry.splice(b.entry.indexOf(totalObservation(b)!), 1)))).toMatch(
      /0 total Observations/,
    );
  });

  it('a total that is not the sum of the item scores fails', () => {
    expect(
      problems(
        broken((b) => {
          const total = totalObservation(b)!.resource;
          total.valueInteger = Number(total.valueInteger) + 1;
        }),
      ),
    ).toMatch(/total Observation \d+ is not the sum/);
  });

  it('a LOINC code moved into the project system, or an unverified LOINC code, fails', () => {
    const swapped = broken((b) => {
      const coding = (
        totalObservation(b)!.resource.code as { coding: { system: string; version: string | undefined }[] }
      ).coding;
      coding[1]!.system = coding[0]!.system;
      coding[1]!.version = coding[0]!.version;
    });
    expect(problems(swapped)).toMatch(/44261-6 is not defined in urn:stapwijzer:CodeSystem:relapse-prevention/);
    const unverified = broken((b) => {
      const coding = (totalObservation(b)!.resource.code as { coding: { code: string }[] }).coding;
      coding[1]!.code = '89049-6';
    });
    expect(problems(unverified)).toMatch(/89049-6 is not a verified LOINC code/);
  });

  it('an item score changed in the response fails', () => {
    const changed = broken((b) => {
      const qr = b.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse')!.resource;
      const items = qr.item as { answer: { valueCoding?: { extension: { valueDecimal: number }[] } }[] }[];
      items[0]!.answer[0]!.valueCoding!.extension[0]!.valueDecimal = 3;
    });
    expect(problems(changed)).toMatch(/phq9-1 ordinalValue 3 ≠ the key's 2/);
    expect(problems(changed)).toMatch(/total item 8 is not the sum of the ordinalValues 9/);
  });

  it('a derivedFrom that does not resolve, and a status R4 does not know, fail', () => {
    const dangling = broken((b) => {
      totalObservation(b)!.resource.derivedFrom = [{ reference: 'urn:uuid:00000000-0000-4000-8000-0000000000ff' }];
    });
    expect(problems(dangling)).toMatch(/reference urn:uuid:0+-0000-4000-8000-0000000000ff does not resolve/);
    const status = broken((b) => {
      totalObservation(b)!.resource.status = 'done';
    });
    expect(problems(status)).toMatch(/Observation\/status must be equal to one of the allowed values/);
  });
});
