/** Content rules of CONTENT.md that are about the packs themselves rather than the engine. */
import { describe, expect, it } from 'vitest';
import type { ContentPack, SpecialGroup } from '../domain';
import { bundledPack } from './testing';

const packs: ContentPack[] = [bundledPack('postpartum'), bundledPack('relapse-prevention'), bundledPack('caregivers')];
const allText = (value: unknown): string => JSON.stringify(value);

describe('cards', () => {
  it.each(packs.map((p) => [p.id, p] as const))(
    '%s has at least 6 signalling and 6 tip cards, and a safety card',
    (_id, pack) => {
      const general = pack.cards.filter((c) => c.specialGroup === undefined);
      expect(general.filter((c) => c.kind === 'signalling').length).toBeGreaterThanOrEqual(6);
      expect(general.filter((c) => c.kind === 'tip').length).toBeGreaterThanOrEqual(6);
      expect(pack.cards.some((c) => c.kind === 'safety')).toBe(true);
    },
  );

  it('the postpartum pack has a postpartum-psychosis emergency card', () => {
    expect(
      bundledPack('postpartum')
        .cards.filter((c) => c.kind === 'emergency')
        .map((c) => c.id),
    ).toEqual(['pp-emergency-psychosis']);
  });

  it.each<SpecialGroup>([
    'young-caregivers',
    'working-caregivers',
    'migration-background',
    'caregivers-psychological-problems',
  ])('special group %s has at least 2 cards', (group) => {
    expect(bundledPack('caregivers').cards.filter((c) => c.specialGroup === group).length).toBeGreaterThanOrEqual(2);
  });

  it('cards are written for all three audiences', () => {
    expect(new Set(packs.flatMap((p) => p.cards.map((c) => c.audience)))).toEqual(
      new Set(['professional', 'person', 'relative']),
    );
  });

  it('never says PCT "halves" the risk (the Dutch trial found 35.5% vs 50%)', () => {
    for (const pack of packs)
      expect(allText(pack.cards)).not.toMatch(/\b(halves|halved|halving|halveert|halveren|halvering|gehalveerd)\b/i);
  });
});

describe('instruments and thresholds', () => {
  it('PHQ-9 is shipped identically in both packs that need it', () => {
    const a = bundledPack('relapse-prevention').instruments.find((i) => i.id === 'phq-9');
    expect(bundledPack('caregivers').instruments.find((i) => i.id === 'phq-9')).toEqual(a);
  });

  it('score-entry instruments (EPDS, EDIZ-plus, CSI) ship topic labels only, and EPDS marks its key unverified', () => {
    const entry = packs.flatMap((p) => p.instruments).filter((i) => i.presentation === 'score-entry');
    expect(entry.map((i) => i.id).sort()).toEqual(['csi', 'ediz-plus', 'epds']);
    for (const i of entry)
      expect(i.items.every((item) => item.text === undefined && item.topic.nl.length > 0)).toBe(true);
    expect(entry.find((i) => i.id === 'epds')?.scoring.keyVerified).toBe(false);
  });

  it('every routing row, follow-up interval and improvement rule carries a certainty, and [I] rows say inference', () => {
    for (const pack of packs) {
      const rows = [
        ...pack.pathway.rules,
        ...pack.pathway.followUp.steps,
        pack.pathway.followUp.safety,
        pack.pathway.improvement,
      ];
      expect(rows.every((r) => ['verified', 'inference', 'unverified'].includes(r.certainty))).toBe(true);
      expect(pack.pathway.improvement.certainty).toBe('inference');
      expect(pack.pathway.followUp.safety.certainty).toBe('inference');
    }
  });

  it('the Dutch trimester cut-offs are verified (S9): 11 in trimester 1, 10 later', () => {
    const cutoff = bundledPack('postpartum').pathway.cutoffs.find((c) => c.id === 'epds-entry');
    expect([cutoff?.value, cutoff?.overrides[0]?.value, cutoff?.certainty, cutoff?.sources]).toEqual([
      10,
      11,
      'verified',
      ['S9', 'S10'],
    ]);
  });

  it('the relapse pack has a plan template with the early-warning-sign categories', () => {
    expect(bundledPack('relapse-prevention').planTemplate?.warningSignCategories.map((c) => c.id)).toEqual([
      'sleep',
      'withdrawal',
      'loss-of-enjoyment',
      'rumination',
      'irritability',
      'fatigue',
      'concentration',
      'appetite',
      'hopelessness',
      'other',
    ]);
  });

  it('the caregivers overload checklist is a conversation aid, not an instrument', () => {
    const pack = bundledPack('caregivers');
    expect(pack.checklists.map((c) => c.id)).toEqual(['overload-signals']);
    expect(pack.instruments.some((i) => i.id === 'overload-signals')).toBe(false);
  });
});
