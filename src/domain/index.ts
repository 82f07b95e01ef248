/** Public API of the clinical engine: pure functions over content packs; `now` is always a parameter. */
export type { Facts } from './conditions';
export { matches, resolveCutoff } from './conditions';
export type { FollowUpInput, PreviousResult } from './follow-up';
export { evaluateFollowUp, toPrevious } from './follow-up';
export { dueDate } from './follow-up-due';
export type { LicenceError, LicenceInstrumentPatch, LicenceItemPatch, LicencePack } from './licence';
export { applyLicencePack } from './licence';
export type { DecisionAidInput } from './relapse-aid';
export { PHQ9_ID, relapseDecisionAid } from './relapse-aid';
export type * from './result';
export type { ScreeningInput } from './routing';
export { evaluateScreening } from './routing';
export { itemKey, scoreInstrument } from './score';
export type * from './types';
export { PATHWAY_IDS } from './types';
export { MAX_POSTPARTUM_WEEKS } from './validate-input';
