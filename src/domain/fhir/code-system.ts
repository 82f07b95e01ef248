/**
 * The project CodeSystem of one pack: every concept an export of that pack can carry (instruments,
 * items, printed answers, totals, bands, red flags, safety questions and actions), versioned with
 * the pack. Generated from the pack, like the Questionnaires, and built with the same code builders
 * as the exports, so every project code in a Bundle is defined here (a test checks it).
 */
import type { ContentPack } from '../types';
import { printedAnswers, SAFETY_ACTION_TAKEN, totalDisplay } from './answers';
import { projectCode, projectSystem } from './codes';
import type { CodeSystem, CodeSystemConcept } from './fhir-types';
import type { ExportLanguage } from './questionnaire';

export function buildCodeSystem(pack: ContentPack, base: string, language: ExportLanguage): CodeSystem {
  const concepts = new Map<string, string>();
  const add = (code: string, display: string) => {
    if (!concepts.has(code)) concepts.set(code, display);
  };
  for (const instrument of pack.instruments) {
    add(projectCode.instrument(instrument.id), instrument.name[language]);
    for (const item of instrument.items) {
      add(projectCode.item(item.id), item.topic[language]);
      for (const answer of printedAnswers(instrument, item)) add(answer.code, answer.label[language]);
    }
    add(projectCode.total(instrument.id), totalDisplay(instrument, language));
    for (const band of instrument.bands) add(projectCode.band(instrument.id, band.id), band.label[language]);
    for (const flag of instrument.redFlags) add(projectCode.redFlag(flag.id), flag.label[language]);
  }
  for (const question of pack.pathway.questions) {
    if (question.effect.kind === 'safety') add(projectCode.safetyQuestion(question.id), question.question[language]);
  }
  add(projectCode.safetyActionTaken(), SAFETY_ACTION_TAKEN[language]);
  for (const action of pack.pathway.safety.actions) add(projectCode.safetyAction(action.id), action.label[language]);
  return {
    resourceType: 'CodeSystem',
    id: `stapwijzer-${pack.id}`,
    url: projectSystem(base, pack),
    version: pack.contentVersion,
    name: `Stapwijzer${pack.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`,
    title: `Stapwijzer — ${pack.title[language]}`,
    status: 'active',
    content: 'complete',
    caseSensitive: true,
    concept: [...concepts].map(([code, display]): CodeSystemConcept => ({ code, display })),
  };
}
