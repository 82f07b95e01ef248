// Reads the caseload index once per visit (kept current by every save) and computes the indicators
// for the chosen granularity.
import { useMemo, useState } from 'react';
import { calendarDay, computeIndicators, type Granularity, type Indicators } from '../../domain';
import { useCaseload } from '../../runtime/caseload/use-caseload';
import { useActivePacks } from '../../runtime/content/use-content';
import { deviceTimeZone } from '../screening/dates';
import { indicatorRecordsFrom } from './load-indicators';

export const PERIODS: Record<Granularity, number> = { month: 12, quarter: 4 };

export type IndicatorsState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; indicators: Indicators; damaged: number };

export function useIndicators(granularity: Granularity): IndicatorsState {
  const caseload = useCaseload({ indicators: true });
  const packs = useActivePacks();
  const [timeZone] = useState(deviceTimeZone);
  const records = useMemo(
    () => (caseload.status === 'ready' ? indicatorRecordsFrom(caseload.indicators, caseload.damaged) : null),
    [caseload],
  );
  return useMemo((): IndicatorsState => {
    if (caseload.status === 'failed') return { status: 'failed' };
    if (records === null || packs === undefined) return { status: 'loading' };
    const indicators = computeIndicators({
      clients: records.clients,
      safetyEvents: records.safetyEvents,
      packs,
      today: calendarDay(Date.now(), timeZone),
      granularity,
      periods: PERIODS[granularity],
    });
    return { status: 'ready', indicators, damaged: records.damaged };
  }, [caseload.status, records, packs, granularity, timeZone]);
}
