// What a follow-up screening starts with, from the earlier screening: its context moved on to today,
// the answers to persistent routing questions, and (relapse prevention) the intake (its "warning signs
// back?" is asked afresh by the intake form). The engine decides what carries forward; this only reads the stored record.
import type { ScreeningPayload } from '../../db';
import { type CarriedContext, carryContext, type Pathway, prefilledFlags, type RelapseIntake } from '../../domain';
import { deviceTimeZone } from './dates';

export interface CarriedStart {
  readonly context: CarriedContext;
  readonly flags: Record<string, boolean>;
  readonly intake: RelapseIntake | null;
}

export function carriedStart(pathway: Pathway, earlier: ScreeningPayload, nowMs: number): CarriedStart {
  const earlierMs = Date.parse(earlier.outcome.evaluatedAt);
  return {
    context: carryContext(earlier.context, earlierMs, nowMs, deviceTimeZone()),
    flags: prefilledFlags(pathway, earlier.flags),
    intake: earlier.intake ?? null,
  };
}
