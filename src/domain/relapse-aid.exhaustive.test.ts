/**
 * CONTENT.md §3b: the whole relapse intake domain. Every combination yields at least one row, and no
 * two rows contradict each other: residual symptoms only with an antidepressant, "never abruptly"
 * whenever tapering is asked about, and no tapering offered when not in full remission or too few
 * months in remission (6 after one episode, 12 after two or more) or when the months are unknown.
 */
import { describe, expect, it } from 'vitest';
import { answersFor, bundledPack } from '../content/testing';
import { relapseDecisionAid } from './relapse-aid';
import type { RelapseIntake } from './types';

const NOW = '2025-03-03T09:00:00.000Z';
const pack = bundledPack('relapse-prevention');
const bools = [false, true] as const;
/** Remission dates giving 3, 8 and 14 whole months before NOW, or none. */
const remission = [
  { months: 3, date: '2024-12-01' },
  { months: 8, date: '2024-07-01' },
  { months: 14, date: '2024-01-01' },
  { months: null, date: undefined },
] as const;
const phq9 = [
  undefined,
  answersFor('phq9', [1, 1, 1, 1, 1, 0, 0, 0, 0]),
  answersFor('phq9', [2, 2, 2, 2, 2, 0, 0, 0, 0]),
];
const TAPER_OFFERED = ['aid.taper', 'aid.taper-recurrent'];
const NEVER_ABRUPTLY = 'Nooit abrupt stoppen';

function* intakes(): Generator<{ intake: RelapseIntake; months: number | null }> {
  for (const episodes of [1, 2, 3])
    for (const fullRemission of bools)
      for (const onAntidepressant of bools)
        for (const wantsToTaper of bools)
          for (const residualSymptoms of bools)
            for (const warningSigns of bools)
              for (const r of remission)
                for (const answers of phq9) {
                  const intake: RelapseIntake = {
                    episodes,
                    fullRemission,
                    onAntidepressant,
                    wantsToTaper,
                    residualSymptoms,
                    warningSigns,
                    ...(r.date === undefined ? {} : { remissionDate: r.date }),
                    ...(answers === undefined ? {} : { phq9: answers }),
                  };
                  yield { intake, months: r.months };
                }
}

describe('3b decision aid over the whole intake domain (3 × 2⁵ × 4 × 3 = 1152 combinations)', () => {
  const all = [...intakes()];

  it('walks every combination', () => {
    expect(all).toHaveLength(1152);
  });

  it('every combination yields at least one row, and no two rows contradict each other', () => {
    const problems: string[] = [];
    for (const { intake, months } of all) {
      const r = relapseDecisionAid({ pack, intake, now: NOW });
      if (!r.ok) {
        problems.push(`${JSON.stringify(intake)}: ${r.error.message}`);
        continue;
      }
      const ids = r.value.rows.map((row) => row.rowId);
      const options = r.value.rows.flatMap((row) => row.options.map((o) => o.nl));
      const at = JSON.stringify({ ...intake, phq9: intake.phq9 === undefined ? 'none' : 'given' });
      const minimum = intake.episodes >= 2 ? 12 : 6;
      const mayTaper = intake.fullRemission && months !== null && months >= minimum;
      if (ids.length === 0) problems.push(`${at}: no row`);
      if (ids.includes('aid.residual-symptoms') && !intake.onAntidepressant)
        problems.push(`${at}: residual symptoms without an antidepressant`);
      if (intake.onAntidepressant && intake.wantsToTaper && !options.includes(NEVER_ABRUPTLY))
        problems.push(`${at}: tapering without "never abruptly"`);
      if (!mayTaper && ids.some((id) => TAPER_OFFERED.includes(id))) problems.push(`${at}: tapering offered too early`);
      if (mayTaper && intake.onAntidepressant && intake.wantsToTaper && !ids.includes('aid.taper'))
        problems.push(`${at}: tapering not offered although allowed`);
      const notYet = ids.filter((id) => id.startsWith('aid.taper-') && !TAPER_OFFERED.includes(id));
      if (notYet.length > 0 && ids.includes('aid.taper')) problems.push(`${at}: both "taper" and "not yet"`);
      if (options.some((o) => o.includes('{months}') || o.includes('?'))) problems.push(`${at}: unfilled months`);
      if (!intake.fullRemission && !ids.includes('aid.not-in-remission'))
        problems.push(`${at}: not in remission without the re-assess row`);
    }
    expect(problems).toEqual([]);
  });
});
