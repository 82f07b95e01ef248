/** Runs a pack's golden vectors through the engine; a pack whose vectors fail is refused. */
import {
  type ContentPack,
  evaluateFollowUp,
  evaluateScreening,
  type GoldenVector,
  type Recommendation,
  relapseDecisionAid,
  toPrevious,
} from '../domain';

export interface VectorFailure {
  readonly vectorId: string;
  readonly message: string;
}

/** The recommendation in the compact form golden vectors use: step-2, safety-urgent, administer:epds. */
export function recommendationKey(r: Recommendation): string {
  switch (r.kind) {
    case 'step':
      return `step-${r.step}`;
    case 'safety':
      return `safety-${r.level}`;
    case 'administer':
      return `administer:${r.instruments.join(',')}`;
    default: {
      const exhaustive: never = r;
      return exhaustive;
    }
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

function runVector(pack: ContentPack, vector: GoldenVector): string[] {
  switch (vector.kind) {
    case 'screening': {
      const { input, expect } = vector;
      const result = evaluateScreening({ pack, ...input });
      if (!result.ok) return [`engine error ${result.error.code}: ${result.error.message}`];
      const o = result.value;
      const problems: string[] = [];
      if (o.score.total !== expect.total) problems.push(`total: expected ${expect.total}, got ${o.score.total}`);
      if (o.score.band.id !== expect.band) problems.push(`band: expected ${expect.band}, got ${o.score.band.id}`);
      const rec = recommendationKey(o.recommendation);
      if (rec !== expect.recommendation) problems.push(`recommendation: expected ${expect.recommendation}, got ${rec}`);
      const due = o.followUp?.date ?? null;
      if (due !== expect.followUpDue)
        problems.push(`follow-up: expected ${String(expect.followUpDue)}, got ${String(due)}`);
      const ruleIds = o.reasons
        .filter((r) => r.kind === 'routing' || r.kind === 'red-flag' || r.kind === 'safety-question')
        .map((r) => r.ruleId);
      if (!sameSet(ruleIds, expect.ruleIds))
        problems.push(`rules: expected [${expect.ruleIds.join(', ')}], got [${ruleIds.join(', ')}]`);
      return problems;
    }
    case 'follow-up': {
      const { input, expect } = vector;
      const first = evaluateScreening({
        pack,
        instrumentId: input.instrumentId,
        answers: input.previousAnswers,
        context: input.context,
        now: input.previousAt,
      });
      if (!first.ok) return [`engine error on the earlier screening ${first.error.code}: ${first.error.message}`];
      const previous = toPrevious(first.value, input.chosenStep);
      if (previous === null) return ['the earlier screening gives no step'];
      const result = evaluateFollowUp({
        pack,
        previous,
        current: { answers: input.answers, context: input.context },
        now: input.now,
      });
      if (!result.ok) return [`engine error ${result.error.code}: ${result.error.message}`];
      const o = result.value;
      const problems: string[] = [];
      if (o.branch !== expect.branch) problems.push(`branch: expected ${expect.branch}, got ${o.branch}`);
      if (o.decision !== expect.decision) problems.push(`decision: expected ${expect.decision}, got ${o.decision}`);
      if (o.proposedStep !== expect.proposedStep)
        problems.push(`proposed step: expected ${expect.proposedStep}, got ${o.proposedStep}`);
      return problems;
    }
    case 'decision-aid': {
      const result = relapseDecisionAid({ pack, intake: vector.input.intake, now: vector.input.now });
      if (!result.ok) return [`engine error ${result.error.code}: ${result.error.message}`];
      const rowIds = result.value.rows.map((r) => r.rowId);
      const problems: string[] = [];
      if (!sameSet(rowIds, vector.expect.rowIds))
        problems.push(`rows: expected [${vector.expect.rowIds.join(', ')}], got [${rowIds.join(', ')}]`);
      if (result.value.safety !== vector.expect.safety)
        problems.push(`safety: expected ${vector.expect.safety}, got ${result.value.safety}`);
      return problems;
    }
    default: {
      const exhaustive: never = vector;
      return [`unknown vector ${JSON.stringify(exhaustive)}`];
    }
  }
}

export function runGoldenVectors(pack: ContentPack): VectorFailure[] {
  return pack.goldenVectors.flatMap((vector) =>
    runVector(pack, vector).map((message) => ({ vectorId: vector.id, message })),
  );
}
