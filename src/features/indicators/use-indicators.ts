// Loads the caseload once per visit and computes the indicators for the chosen granularity.
import { useEffect, useMemo, useState } from 'react';
import { calendarDay, computeIndicators, type Granularity, type Indicators } from '../../domain';
import { useActivePacks } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { deviceTimeZone } from '../screening/dates';
import { type IndicatorRecords, loadIndicatorRecords } from './load-indicators';

export const PERIODS: Record<Granularity, number> = { month: 12, quarter: 4 };

export type IndicatorsState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; indicators: Indicators; damaged: number };

export function useIndicators(granularity: Granularity): IndicatorsState {
  const vault = useVault();
  const packs = useActivePacks();
  const [records, setRecords] = useState<IndicatorRecords | 'failed' | null>(null);
  const [timeZone] = useState(deviceTimeZone);
  useEffect(() => {
    let live = true;
    loadIndicatorRecords(vault.session(), timeZone)
      .then((r) => live && setRecords(r))
      .catch(() => live && setRecords('failed'));
    return () => {
      live = false;
    };
  }, [vault, timeZone]);
  return useMemo((): IndicatorsState => {
    if (records === 'failed') return { status: 'failed' };
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
  }, [records, packs, granularity, timeZone]);
}
