/**
 * A follow-up's state from its append-only events (issue 13): one rule for the repositories (client
 * page, due lists) and the caseload index (Vandaag, indicators), so they cannot disagree. Pure: the
 * events are plain inputs, in any order of arrival.
 */

export type FollowUpState = 'open' | 'done' | 'cancelled';

/** A follow-up event as far as the derivation reads it (src/db passes its decrypted records). */
export interface FollowUpEventInput {
  readonly id: string;
  readonly data:
    | { readonly kind: 'completed'; readonly followUpId: string; readonly screeningId?: string; readonly at: string }
    | { readonly kind: 'cancelled'; readonly followUpId: string; readonly at: string }
    | { readonly kind: 'rescheduled'; readonly followUpId: string; readonly dueDate: string; readonly at: string };
}

/** What the events say about one follow-up. */
export interface DerivedFollowUp {
  state: FollowUpState;
  /** The latest rescheduled date, or the planned one. */
  dueDate: string;
  /** The screening that completed it (the earliest completion naming one). */
  completedBy: string | null;
}

const byTime = (a: FollowUpEventInput, b: FollowUpEventInput) =>
  a.data.at < b.data.at ? -1 : a.data.at > b.data.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Derives a follow-up's state from its row and events. A completion wins over a cancellation
 * (someone did see the client); a row written as done or cancelled by an older build keeps that
 * state. Deterministic: the same set of events gives the same answer in any order of arrival.
 */
export function deriveFollowUp(
  row: { readonly id: string; readonly status: FollowUpState; readonly dueDate: string },
  events: readonly FollowUpEventInput[],
): DerivedFollowUp {
  const own = events.filter((e) => e.data.followUpId === row.id).sort(byTime);
  const completed = own.filter((e) => e.data.kind === 'completed');
  const cancelled = own.some((e) => e.data.kind === 'cancelled');
  const state: FollowUpState =
    completed.length > 0 || row.status === 'done'
      ? 'done'
      : cancelled || row.status === 'cancelled'
        ? 'cancelled'
        : 'open';
  let dueDate = row.dueDate;
  for (const e of own) if (e.data.kind === 'rescheduled') dueDate = e.data.dueDate;
  let completedBy: string | null = null;
  for (const e of completed) {
    if (e.data.kind === 'completed' && e.data.screeningId) {
      completedBy = e.data.screeningId;
      break;
    }
  }
  return { state, dueDate, completedBy };
}
