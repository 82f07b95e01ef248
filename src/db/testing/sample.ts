/** Sample inputs for storage tests. */
import type { CompleteScreeningInput } from '../repositories/screenings.repository';
import { decisionData, followUpData, screeningData } from './payloads';

export function sampleCompletion(clientId: string, draftId?: string): CompleteScreeningInput {
  return {
    screening: {
      clientId,
      packId: 'postpartum',
      packVersion: '1.0.0',
      instrumentId: 'epds',
      instrumentVersion: '1987',
      data: screeningData({ q1: 2, q2: 1 }),
    },
    decision: {
      pathwayId: 'postpartum',
      data: decisionData(),
    },
    followUp: { pathwayId: 'postpartum', dueDate: '2025-06-01', data: followUpData('herhaal EPDS') },
    ...(draftId ? { draftId } : {}),
  };
}
