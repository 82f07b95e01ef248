/** Payload factories for storage tests: realistic shapes, fixed values (storage tests do not score). */
import type { ScreeningOutcome } from '../../domain/result';
import type { DecisionPayload, DraftPayload, FollowUpPayload, PlanPayload, ScreeningPayload } from '../types';

const context = { phase: 'postpartum', weeks: 6 } as const;

const outcome: ScreeningOutcome = {
  score: {
    instrumentId: 'epds',
    instrumentVersion: '1987',
    total: 11,
    band: { id: 'step-1', label: { nl: 'Verhoogd', en: 'Raised' } },
    items: [],
    unscored: [],
    subscales: [],
    redFlags: [],
    keyVerified: false,
  },
  recommendation: { kind: 'step', step: 1, administer: [] },
  followUp: { date: '2025-06-01', earliest: '2025-05-28', latest: '2025-06-12', certainty: 'inference' },
  reasons: [],
  containsInference: true,
  containsUnverified: true,
  versions: { packId: 'postpartum', packVersion: '1.0.0', instrumentId: 'epds', instrumentVersion: '1987' },
  evaluatedAt: '2025-05-18T10:00:00.000Z',
  advice: null,
  positive: true,
  keptStep: null,
  flags: {},
};

export function screeningData(answers: Record<string, number>): ScreeningPayload {
  return { pathwayId: 'postpartum', instrumentId: 'epds', answers, context, flags: {}, outcome };
}

export function draftData(answers: Record<string, number>): DraftPayload {
  return { pathwayId: 'postpartum', instrumentId: 'epds', answers, context, flags: {} };
}

export function decisionData(): DecisionPayload {
  return { recommended: outcome.recommendation, chosen: 1, reasons: [] };
}

export function followUpData(note = 'herhaal EPDS'): FollowUpPayload {
  return { step: 1, instrumentId: 'epds', screeningId: 'unknown', note };
}

export function planData(text = 'slaapt slecht'): PlanPayload {
  return {
    warningSigns: [{ category: 'sleep', text }],
    triggers: [],
    whatIDo: [],
    whatOthersDo: [],
    whomToCall: [],
    revisedAt: '2025-05-18',
  };
}
