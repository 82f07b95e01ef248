/**
 * FHIRPath invariants of a Stapwijzer export that the R4 schema cannot check: the total is the sum
 * of the ordinalValues; every answer is an answer option of the pinned Questionnaire with the same
 * ordinalValue; every reference resolves inside the Bundle; every code comes from the right system
 * (LOINC only for the verified codes, project codes only when the pack's CodeSystem defines them).
 */
import {
  type Bundle,
  type CodeSystem,
  LOINC,
  LOINC_ITEMS,
  LOINC_PANELS,
  LOINC_TOTALS,
  ORDINAL_VALUE,
  type Questionnaire,
  TOTAL_EXPRESSION,
  TOTAL_LINK_ID,
} from '../../src/domain/fhir';
import { bundleSchemaErrors, path } from './r4-validator';

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const VERIFIED_LOINC = new Map(
  [...Object.values(LOINC_PANELS), ...Object.values(LOINC_TOTALS), ...Object.values(LOINC_ITEMS)].map((c) => [
    c.code,
    c.display,
  ]),
);

interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface Known {
  /** By `url|version`. */
  questionnaires: ReadonlyMap<string, Questionnaire>;
  /** By `url|version`. */
  codeSystems: ReadonlyMap<string, CodeSystem>;
}

const num = (xs: unknown[]): number | undefined => (typeof xs[0] === 'number' ? xs[0] : undefined);
const strs = (xs: unknown[]): string[] => xs.filter((x): x is string => typeof x === 'string');

export function exportProblems(bundle: Bundle, known: Known): string[] {
  const problems = bundleSchemaErrors(bundle);
  const fullUrls = new Set(strs(path(bundle, 'Bundle.entry.fullUrl')));

  for (const ref of strs(path(bundle, 'Bundle.entry.resource.descendants().reference'))) {
    if (!fullUrls.has(ref)) problems.push(`reference ${ref} does not resolve in the Bundle`);
  }

  const responses = path(bundle, "Bundle.entry.where(resource.resourceType = 'QuestionnaireResponse')");
  if (responses.length === 0) problems.push('no QuestionnaireResponse');
  for (const entry of responses) {
    const [fullUrl] = strs(path(entry, 'fullUrl'));
    const [qr] = path(entry, 'resource');
    const [canonical] = strs(path(qr, 'questionnaire'));
    const questionnaire = canonical ? known.questionnaires.get(canonical) : undefined;
    if (!questionnaire) {
      problems.push(`${fullUrl}: questionnaire ${canonical} is not a shipped Questionnaire`);
      continue;
    }
    const sum = num(path(qr, TOTAL_EXPRESSION, { resource: qr })) ?? 0;
    const recorded = num(path(qr, `item.where(linkId = '${TOTAL_LINK_ID}').answer.value`));
    if (recorded !== sum)
      problems.push(`${fullUrl}: total item ${recorded} is not the sum of the ordinalValues ${sum}`);

    for (const item of path(qr, `item.where(linkId != '${TOTAL_LINK_ID}')`)) {
      const [linkId] = strs(path(item, 'linkId'));
      const [code] = strs(path(item, 'answer.value.code'));
      const [system] = strs(path(item, 'answer.value.system'));
      const ordinal = num(path(item, `answer.value.extension('${ORDINAL_VALUE}').value`));
      const option = path(
        questionnaire,
        `item.where(linkId = '${linkId}').answerOption.where(value.code = '${code}' and value.system = '${system}')`,
      )[0];
      if (!option) {
        problems.push(`${fullUrl}: ${linkId} answer ${system}#${code} is no answer option of ${canonical}`);
        continue;
      }
      const expected = num(path(option, `extension('${ORDINAL_VALUE}').value`));
      if (ordinal !== expected) problems.push(`${fullUrl}: ${linkId} ordinalValue ${ordinal} ≠ the key's ${expected}`);
    }

    const totals = path(
      bundle,
      `Bundle.entry.resource.ofType(Observation).where(derivedFrom.reference = '${fullUrl}' and category.coding.where(system = '${CATEGORY}' and code = 'survey').exists() and code.coding.where(code.endsWith('.total')).exists())`,
    );
    if (totals.length !== 1) problems.push(`${fullUrl}: ${totals.length} total Observations instead of 1`);
    for (const total of totals) {
      const value = num(path(total, 'value'));
      if (value !== sum)
        problems.push(`${fullUrl}: total Observation ${value} is not the sum of the ordinalValues ${sum}`);
      if (path(total, 'interpretation.coding').length === 0) problems.push(`${fullUrl}: total has no band`);
    }
  }

  for (const found of path(bundle, 'Bundle.descendants().ofType(Coding)')) {
    const c = found as Coding;
    const where = `${c.system}#${c.code}`;
    if (c.system === LOINC) {
      const display = c.code ? VERIFIED_LOINC.get(c.code) : undefined;
      if (display === undefined) problems.push(`${where} is not a verified LOINC code`);
      else if (c.display !== display) problems.push(`${where} has display "${c.display}", not "${display}"`);
    } else if (c.system === CATEGORY) {
      if (c.code !== 'survey') problems.push(`${where}: unexpected category`);
    } else {
      const system = known.codeSystems.get(`${c.system}|${c.version}`);
      const concept = system?.concept.find((k) => k.code === c.code);
      if (!system) problems.push(`${where}: system ${c.system}|${c.version} is no shipped CodeSystem`);
      else if (!concept) problems.push(`${where} is not defined in ${c.system}|${c.version}`);
      else if (concept.display !== c.display) problems.push(`${where} display "${c.display}" ≠ "${concept.display}"`);
    }
  }
  return problems;
}
