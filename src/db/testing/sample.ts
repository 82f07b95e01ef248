/** Sample inputs for storage tests. */
import type { CompleteScreeningInput } from '../repositories/screenings.repository';

export function sampleCompletion(clientId: string, draftId?: string): CompleteScreeningInput {
  return {
    screening: {
      clientId,
      packId: 'postpartum',
      packVersion: '1.0.0',
      instrumentId: 'epds',
      instrumentVersion: '1987',
      data: { instrumentId: 'epds', answers: { q1: 2, q2: 1 }, context: 'postpartum' },
    },
    decision: {
      pathwayId: 'postpartum',
      data: { recommendedStep: 'step-1', chosenStep: 'step-1', reasons: ['EPDS 12'] },
    },
    followUp: { pathwayId: 'postpartum', dueDate: '2025-06-01', data: { reason: 'herhaal EPDS' } },
    ...(draftId ? { draftId } : {}),
  };
}
