/** Red flags: item-level rules (EPDS item 10, PHQ-9 item 9) that open the safety path whatever the total. */
import type { ItemScore, RedFlagHit } from './result';
import type { Instrument } from './types';

export function findRedFlags(instrument: Instrument, items: readonly ItemScore[]): RedFlagHit[] {
  const hits: RedFlagHit[] = [];
  for (const rule of instrument.redFlags) {
    const item = items.find((i) => i.itemId === rule.itemId);
    if (item !== undefined && item.score >= rule.minScore) {
      hits.push({ ruleId: rule.id, itemId: rule.itemId, level: rule.level, label: rule.label });
    }
  }
  return hits;
}

/** Whether an item scoring `points` alone raises one of the instrument's red flags. */
export function raisesRedFlag(instrument: Instrument, itemId: string, points: number | undefined): boolean {
  return points !== undefined && instrument.redFlags.some((r) => r.itemId === itemId && points >= r.minScore);
}
