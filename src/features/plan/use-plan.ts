// The client's relapse-prevention plan (the most recently revised active one) and the pack's template.
import { useLiveQuery } from 'dexie-react-hooks';
import { listPlans, type PlanRecord } from '../../db';
import type { PlanTemplate } from '../../domain';
import { useActivePack } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';

export const PLAN_PATHWAY = 'relapse-prevention';

/** The current plan, null when there is none yet; undefined while loading. */
export function useCurrentPlan(clientId: string): PlanRecord | null | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    const { records } = await listPlans(vault.session(), clientId);
    const active = records.filter((p) => p.status === 'active' && p.pathwayId === PLAN_PATHWAY);
    return active.reduce<PlanRecord | null>((a, b) => (a === null || b.updatedAt > a.updatedAt ? b : a), null);
  }, [clientId]);
}

/** The plan template of the active relapse-prevention pack; null when the pack has none. */
export function usePlanTemplate(): PlanTemplate | null | undefined {
  const pack = useActivePack(PLAN_PATHWAY);
  if (pack === undefined) return undefined;
  return pack?.planTemplate ?? null;
}
