// Shared set-up for the screening component tests: a client with a draft, as the start screen makes it.
import { createClient, type DraftPayload, saveDraft, type VaultSession } from '../../db';

export async function clientWithDraft(session: VaultSession, data: DraftPayload) {
  const client = await createClient(session, { alias: 'M-12' });
  const draft = await saveDraft(session, { clientId: client.id, data });
  return { client, draft };
}

export const EPDS_DRAFT: DraftPayload = {
  pathwayId: 'postpartum',
  instrumentId: 'epds',
  answers: {},
  context: { phase: 'postpartum', weeks: 6 },
  flags: {},
  position: 0,
};

export const PHQ9_DRAFT: DraftPayload = {
  pathwayId: 'relapse-prevention',
  instrumentId: 'phq-9',
  answers: {},
  context: { phase: 'none' },
  flags: {},
  position: 0,
};

/** EPDS positions giving a total of 11 (items 1, 2, 4 in printed order; the others reversed). */
export const EPDS_ELEVEN = {
  'epds-1': 1,
  'epds-2': 1,
  'epds-3': 0,
  'epds-4': 3,
  'epds-5': 0,
  'epds-6': 3,
  'epds-7': 3,
  'epds-8': 3,
  'epds-9': 3,
  'epds-10': 3,
};
