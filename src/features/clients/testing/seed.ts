// Test seeding through the real repositories and the real engine: a client with completed screenings.

import { completeScreening, createClient, listActivePacks, type VaultSession } from '../../../db';
import { evaluateScreening, type PathwayId, type ScreeningContext } from '../../../domain';
import { testRuntime } from '../../../runtime/testing/test-runtime';

export async function packOf(id: PathwayId) {
  const pack = (await listActivePacks(testRuntime().db)).find((p) => p.id === id);
  if (!pack) throw new Error(`pack ${id} not installed`);
  return pack;
}

/** Completes a screening where every scored item has the same printed position. */
export async function seedScreening(
  session: VaultSession,
  input: {
    clientId: string;
    pathwayId: PathwayId;
    instrumentId: string;
    position: number;
    at: number;
    context?: ScreeningContext;
    redFlag?: boolean;
  },
) {
  const pack = await packOf(input.pathwayId);
  const instrument = pack.instruments.find((i) => i.id === input.instrumentId);
  if (!instrument) throw new Error(`instrument ${input.instrumentId} missing`);
  // Red-flag items stay at 0 unless asked, so a seeded screening is not on the safety path by accident.
  const flagged = new Set(instrument.redFlags.map((r) => r.itemId));
  const answers = Object.fromEntries(
    instrument.items.map((item) => [
      item.id,
      item.scored && (input.redFlag || !flagged.has(item.id)) ? input.position : 0,
    ]),
  );
  const context = input.context ?? { phase: 'none' };
  const result = evaluateScreening({ pack, instrumentId: instrument.id, answers, context, now: input.at });
  if (!result.ok) throw new Error(result.error.message);
  const outcome = result.value;
  const recommended = outcome.recommendation;
  return completeScreening(
    session,
    {
      screening: {
        clientId: input.clientId,
        packId: pack.id,
        packVersion: pack.contentVersion,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        data: { pathwayId: input.pathwayId, instrumentId: instrument.id, answers, context, flags: {}, outcome },
      },
      decision: {
        pathwayId: input.pathwayId,
        data: {
          recommended,
          chosen: recommended.kind === 'step' ? recommended.step : recommended.kind === 'safety' ? 'safety' : 0,
          reasons: [...outcome.reasons],
        },
      },
    },
    input.at,
  );
}

export function seedClient(session: VaultSession, alias: string, code?: string) {
  return createClient(session, code ? { alias, code } : { alias });
}
