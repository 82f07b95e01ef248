/** Public API of the clinical engine: pure functions over content packs; `now` is always a parameter. */
export type { StepAdvice } from './advice';
export { stepAdvice } from './advice';
export * from './caseload';
export type { Facts } from './conditions';
export { matches, resolveCutoff } from './conditions';
export type { CarriedContext } from './context';
export { carryContext, MAX_GESTATION_WEEKS, TERM_WEEKS, trimesterOf, trimesterOfWeeks } from './context';
export type { FollowUpInput, PreviousResult } from './follow-up';
export { carriedFlags, evaluateFollowUp, prefilledFlags, toPrevious } from './follow-up';
export { dueDate } from './follow-up-due';
export type { DerivedFollowUp, FollowUpEventInput, FollowUpState } from './follow-up-state';
export { deriveFollowUp } from './follow-up-state';
export * from './indicators';
export type { LicenceError, LicenceInstrumentPatch, LicenceItemPatch, LicencePack } from './licence';
export { applyLicencePack } from './licence';
export type { Proposal } from './proposal';
export { chosenAdvice, proposalOf } from './proposal';
export { raisesRedFlag } from './red-flags';
export type { DecisionAidInput } from './relapse-aid';
export { PHQ9_ID, relapseDecisionAid } from './relapse-aid';
export type * from './result';
export type { ScreeningInput } from './routing';
export { evaluateScreening } from './routing';
export type { SafetyActionProblem, SafetyAdvice, SafetySignal } from './safety-advice';
export {
  actionsAfterAssessment,
  checkSafetyAction,
  detectSafetySignals,
  helpNowAdvice,
  safetyAdvice,
  signalsOf,
} from './safety-advice';
export type { FollowUpDateInput, FollowUpDateProblem } from './safety-follow-up';
export { checkFollowUpDate, proposedFollowUpDate } from './safety-follow-up';
export { isKeyVerified, itemKey, maxTotal, partialTotal, scoreInstrument } from './score';
export type { ZonedNow } from './time';
export { addCalendarDays, calendarDay } from './time';
export type * from './types';
export { PATHWAY_IDS } from './types';
export { MAX_POSTPARTUM_WEEKS } from './validate-input';
