/**
 * Engine and loader benchmark (not a test): node_modules/.bin/tsx scripts/bench-engine.ts
 * Prints µs per engine evaluation and ms per pack validation / full load (incl. SHA-256 digest).
 */
import { performance } from 'node:perf_hooks';
import * as v from 'valibot';
import {
  BUNDLED_PACK_JSON,
  ContentPackSchema,
  checkPackIntegrity,
  EXPECTED_DIGESTS,
  loadPack,
  runGoldenVectors,
} from '../src/content';
import { answersFor, bundledPack, epdsTotal } from '../src/content/testing';
import { evaluateFollowUp, evaluateScreening, relapseDecisionAid, scoreInstrument, toPrevious } from '../src/domain';

const NOW = '2025-03-03T09:00:00.000Z';

function perCall(label: string, runs: number, fn: () => unknown, unit: 'µs' | 'ms'): void {
  for (let i = 0; i < Math.min(runs, 200); i++) fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = (performance.now() - start) / runs;
  console.log(
    `${label.padEnd(58)} ${(unit === 'µs' ? ms * 1000 : ms).toFixed(unit === 'µs' ? 2 : 3).padStart(9)} ${unit}`,
  );
}

async function perCallAsync(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  console.log(`${label.padEnd(58)} ${((performance.now() - start) / runs).toFixed(3).padStart(9)} ms`);
}

const postpartum = bundledPack('postpartum');
const relapse = bundledPack('relapse-prevention');
const caregivers = bundledPack('caregivers');
const epds = postpartum.instruments.find((i) => i.id === 'epds');
if (epds === undefined) throw new Error('no EPDS');
const answers = epdsTotal(11);
const pp = { phase: 'postpartum', weeks: 8 } as const;
const first = evaluateScreening({ pack: postpartum, instrumentId: 'epds', answers, context: pp, now: NOW });
const previous = first.ok ? toPrevious(first.value) : null;
if (previous === null) throw new Error('no previous');

console.log('engine (per evaluation)');
perCall('scoreInstrument EPDS', 200_000, () => scoreInstrument(epds, answers), 'µs');
perCall(
  'evaluateScreening EPDS postpartum (score+route+due)',
  100_000,
  () => evaluateScreening({ pack: postpartum, instrumentId: 'epds', answers, context: pp, now: NOW }),
  'µs',
);
perCall(
  'evaluateScreening EDIZ-plus caregivers',
  100_000,
  () =>
    evaluateScreening({
      pack: caregivers,
      instrumentId: 'ediz-plus',
      answers: answersFor('ediz', Array(15).fill(1)),
      context: { phase: 'none' },
      now: NOW,
    }),
  'µs',
);
perCall(
  'evaluateFollowUp EPDS',
  100_000,
  () => evaluateFollowUp({ pack: postpartum, previous, current: { answers, context: pp }, now: NOW }),
  'µs',
);
perCall(
  'relapseDecisionAid with PHQ-9',
  100_000,
  () =>
    relapseDecisionAid({
      pack: relapse,
      intake: {
        episodes: 3,
        fullRemission: true,
        onAntidepressant: true,
        wantsToTaper: true,
        residualSymptoms: false,
        warningSigns: false,
        phq9: answersFor('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0]),
      },
      now: NOW,
    }),
  'µs',
);

console.log('packs (per pack)');
for (const id of ['postpartum', 'relapse-prevention', 'caregivers'] as const) {
  const json = BUNDLED_PACK_JSON[id];
  perCall(`${id}: schema validation (valibot)`, 200, () => v.safeParse(ContentPackSchema, json), 'ms');
  const pack = bundledPack(id);
  perCall(`${id}: integrity + golden vectors`, 200, () => [checkPackIntegrity(pack), runGoldenVectors(pack)], 'ms');
  await perCallAsync(`${id}: full loadPack (schema+integrity+SHA-256+vectors)`, 100, () =>
    loadPack(json, EXPECTED_DIGESTS[id]),
  );
}
