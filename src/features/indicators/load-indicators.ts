// Reads the caseload for the practice indicators from the sealed caseload index (issue 17): each
// client's entry already holds its records reduced to what src/domain/indicators counts (calendar
// days, rule ids, steps), so opening the screen decrypts a few index chunks, not every record.
import { readCaseload, type VaultSession } from '../../db';
import {
  type CaseloadIndicators,
  type ClientIndicatorRecords,
  type IndicatorSafetyEvent,
  indicatorRecordsOf,
} from '../../domain';

export interface IndicatorRecords {
  readonly clients: ClientIndicatorRecords[];
  readonly safetyEvents: IndicatorSafetyEvent[];
  /** Records that could not be decrypted (R22): counted, not hidden. */
  readonly damaged: number;
}

export function indicatorRecordsFrom(parts: readonly CaseloadIndicators[], damaged: number): IndicatorRecords {
  return { ...indicatorRecordsOf(parts), damaged };
}

export async function loadIndicatorRecords(session: VaultSession, timeZone: string): Promise<IndicatorRecords> {
  const snapshot = await readCaseload(session, { timeZone, indicators: true });
  return indicatorRecordsFrom(snapshot.indicators, snapshot.damaged);
}
