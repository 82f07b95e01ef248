/**
 * The safety level on its own (CONTENT.md §4, §4a): which signals are raised, the cards of those
 * signals (the signal's own card first: the psychosis emergency card for a psychosis, the self-harm
 * card for self-harm, the crisis card for a care crisis), the urgent routes and the pack's safety
 * actions for those signals. The underlying step's actions come separately, to be shown below the
 * safety panel "na de veiligheidsbeoordeling", never mixed in.
 *
 * Signals are detected on partial answers too: a red-flag item counts as soon as it is entered,
 * so the urgent route can open before the next question.
 */
import { stepAdvice } from './advice';
import type { ScreeningOutcome } from './result';
import type { Answers, ContentPack, SafetyAction, SafetyLevel, Step, Text } from './types';

export interface SafetySignal {
  /** The red-flag rule id (e.g. `epds.item-10`) or the safety question id (e.g. `postpartum-psychosis`). */
  readonly id: string;
  readonly kind: 'red-flag' | 'safety-question';
  readonly level: SafetyLevel;
  readonly label: Text;
}

export interface SafetyAdvice {
  readonly level: SafetyLevel;
  readonly signals: readonly SafetySignal[];
  /** Card ids, the first signal's own card first (emergencies before same-day signals). */
  readonly cardIds: readonly string[];
  /** Help route ids: the pack's safety routes, then the signals' own (e.g. Veilig Thuis for a care crisis). */
  readonly helpRoutes: readonly string[];
  /** The pack's safety actions that apply to these signals, in pack order. */
  readonly actions: readonly SafetyAction[];
}

type Pairs = readonly { readonly itemId: string; readonly position: number }[];
const isPairs = (answers: Answers): answers is Pairs => Array.isArray(answers);

const lookup = (answers: Answers): ((itemId: string) => number | undefined) => {
  if (isPairs(answers)) return (id) => answers.find((a) => a.itemId === id)?.position;
  return (id) => answers[id];
};

/**
 * The signals the answers given so far raise: every red-flag item already entered at or above its
 * threshold, and every safety question answered yes. Unanswered items raise nothing yet.
 */
export function detectSafetySignals(input: {
  readonly pack: ContentPack;
  readonly instrumentIds: readonly string[];
  readonly answers: Readonly<Record<string, Answers>>;
  readonly flags: Readonly<Record<string, boolean>>;
}): SafetySignal[] {
  const { pack } = input;
  const signals: SafetySignal[] = [];
  for (const question of pack.pathway.questions) {
    if (question.effect.kind !== 'safety' || input.flags[question.id] !== true) continue;
    signals.push({ id: question.id, kind: 'safety-question', level: question.effect.level, label: question.question });
  }
  for (const instrumentId of input.instrumentIds) {
    const instrument = pack.instruments.find((i) => i.id === instrumentId);
    const given = input.answers[instrumentId];
    if (instrument === undefined || given === undefined) continue;
    const positionOf = lookup(given);
    for (const rule of instrument.redFlags) {
      const position = positionOf(rule.itemId);
      if (position === undefined) continue;
      const normal = instrument.scoring.optionScores;
      const scores = instrument.scoring.reversedItems.includes(rule.itemId) ? [...normal].reverse() : normal;
      const score = scores[position];
      if (score !== undefined && score >= rule.minScore && !signals.some((s) => s.id === rule.id)) {
        signals.push({ id: rule.id, kind: 'red-flag', level: rule.level, label: rule.label });
      }
    }
  }
  return signals;
}

/** The signals of a completed outcome, from its reasons. */
export function signalsOf(pack: ContentPack, outcome: ScreeningOutcome): SafetySignal[] {
  const signals: SafetySignal[] = [];
  for (const reason of outcome.reasons) {
    if (reason.kind === 'red-flag') {
      const rule = pack.instruments.flatMap((i) => i.redFlags).find((r) => r.id === reason.ruleId);
      if (rule) signals.push({ id: rule.id, kind: 'red-flag', level: rule.level, label: rule.label });
    } else if (reason.kind === 'safety-question') {
      const q = pack.pathway.questions.find((x) => x.id === reason.ruleId);
      if (q && q.effect.kind === 'safety')
        signals.push({ id: q.id, kind: 'safety-question', level: q.effect.level, label: q.question });
    }
  }
  return signals;
}

const rank = (level: SafetyLevel) => (level === 'emergency' ? 0 : 1);

/** The safety level alone for these signals; null when there is none. */
export function safetyAdvice(pack: ContentPack, signals: readonly SafetySignal[]): SafetyAdvice | null {
  if (signals.length === 0) return null;
  const ordered = [...signals].sort((a, b) => rank(a.level) - rank(b.level));
  const safety = pack.pathway.safety;
  const cardIds: string[] = [];
  const helpRoutes: string[] = [...safety.helpRoutes];
  for (const signal of ordered) {
    const content = safety.signals.find((s) => s.signal === signal.id);
    for (const id of content?.cards ?? []) if (!cardIds.includes(id)) cardIds.push(id);
    for (const id of content?.helpRoutes ?? []) if (!helpRoutes.includes(id)) helpRoutes.push(id);
  }
  const ids = new Set(signals.map((s) => s.id));
  const actions = safety.actions.filter((a) => a.signals === undefined || a.signals.some((id) => ids.has(id)));
  return {
    level: ordered.some((s) => s.level === 'emergency') ? 'emergency' : 'urgent',
    signals: ordered,
    cardIds,
    helpRoutes,
    actions,
  };
}

/**
 * "Hulp nu" (issue 18): the urgent routes and cards of a pack without any signal raised, for the
 * moment a professional needs help before or outside a screening. Every signal's card and route, in
 * pack order; no actions, because nothing is being recorded.
 */
export function helpNowAdvice(pack: ContentPack): SafetyAdvice {
  const safety = pack.pathway.safety;
  const cardIds: string[] = [];
  const helpRoutes: string[] = [...safety.helpRoutes];
  for (const content of safety.signals) {
    for (const id of content.cards) if (!cardIds.includes(id)) cardIds.push(id);
    for (const id of content.helpRoutes) if (!helpRoutes.includes(id)) helpRoutes.push(id);
  }
  return { level: 'urgent', signals: [], cardIds, helpRoutes, actions: [] };
}

/**
 * The underlying step's own actions on the safety path, for "na de veiligheidsbeoordeling": the
 * actions of the routing rows that matched and lead to that step.
 */
export function actionsAfterAssessment(
  pack: ContentPack,
  outcome: ScreeningOutcome,
): { step: Step; actions: readonly Text[] } | null {
  const r = outcome.recommendation;
  if (r.kind !== 'safety' || r.underlyingStep === null) return null;
  // The underlying step's own actions (CONTENT.md §4a), never those of the rows that matched.
  return { step: r.underlyingStep, actions: stepAdvice(pack, r.underlyingStep).actions };
}

export type SafetyActionProblem =
  | 'choose-an-action'
  | 'unknown-action'
  | 'note-required'
  /** "Invoer gecorrigeerd" while the corrected answers still raise the flag. */
  | 'flag-still-raised';

/**
 * Whether an action may close the open signals. `stillRaised` are the signals the current answers
 * raise: a correction is refused while any of the open signals is still among them.
 */
export function checkSafetyAction(input: {
  readonly pack: ContentPack;
  readonly open: readonly SafetySignal[];
  readonly stillRaised: readonly SafetySignal[];
  readonly actionId: string | null;
  readonly note: string;
}): SafetyActionProblem | null {
  if (input.actionId === null) return 'choose-an-action';
  const offered = safetyAdvice(input.pack, input.open)?.actions ?? input.pack.pathway.safety.actions;
  const action = offered.find((a) => a.id === input.actionId);
  if (action === undefined) return 'unknown-action';
  if (action.correctsInput === true && input.open.some((s) => input.stillRaised.some((r) => r.id === s.id)))
    return 'flag-still-raised';
  if (action.requiresNote && input.note.trim() === '') return 'note-required';
  return null;
}
