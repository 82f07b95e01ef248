// The .json file of one or more screenings: a FHIR R4 Bundle, named by instrument and date only (no
// alias, no client code in a file name: file names end up in mail subjects and download lists).
import { buildBundle, type ExportSubject } from '../../domain/fhir';
import { localDate } from '../clients/dates';
import { FHIR_BASE } from './canonical-base';
import type { Exportable } from './to-export';

export const FHIR_JSON_TYPE = 'application/fhir+json';

export function fhirFile(
  subject: ExportSubject,
  items: readonly Exportable[],
  now: Date,
): { name: string; text: string } {
  const bundle = buildBundle({
    base: FHIR_BASE,
    // The record system is Dutch, and the Questionnaires and CodeSystems are published in Dutch.
    language: 'nl',
    now: now.toISOString(),
    subject,
    screenings: items.flatMap((i) => [...i.preScreens, i.screening]),
    newId: () => crypto.randomUUID(),
  });
  const [only] = items;
  const what = items.length === 1 && only ? only.screening.instrument.id : 'screenings';
  return { name: `stapwijzer-${what}-${localDate(now)}.json`, text: `${JSON.stringify(bundle, null, 2)}\n` };
}
