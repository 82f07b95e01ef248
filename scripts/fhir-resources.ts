/**
 * Writes the FHIR R4 conformance resources the exports cite — one Questionnaire per instrument of
 * every bundled pack and one CodeSystem per pack — for whoever deploys the app to publish at their
 * canonical base (the same VITE_FHIR_CANONICAL_BASE the build uses; default `urn:stapwijzer`).
 * They are generated from the packs, as the app generates them, so they cannot drift from the key.
 *   node_modules/.bin/tsx scripts/fhir-resources.ts [outDir]     # default .tmp/fhir
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { BUNDLED_PACK_JSON } from '../src/content/bundled';
import { ContentPackSchema } from '../src/content/schema';
import { buildCodeSystem, buildQuestionnaire, canonicalBase } from '../src/domain/fhir';
import { PATHWAY_IDS } from '../src/domain/types';

const outDir = process.argv[2] ?? '.tmp/fhir';
const base = canonicalBase(process.env.VITE_FHIR_CANONICAL_BASE);
mkdirSync(outDir, { recursive: true });
const write = (name: string, resource: unknown) =>
  writeFileSync(join(outDir, name), `${JSON.stringify(resource, null, 2)}\n`);

for (const id of PATHWAY_IDS) {
  const pack = v.parse(ContentPackSchema, BUNDLED_PACK_JSON[id]);
  write(`CodeSystem-${pack.id}.json`, buildCodeSystem(pack, base, 'nl'));
  for (const instrument of pack.instruments) {
    write(`Questionnaire-${pack.id}-${instrument.id}.json`, buildQuestionnaire(instrument, pack, base, 'nl'));
  }
}
console.log(`FHIR resources for ${base} written to ${outDir}`);
