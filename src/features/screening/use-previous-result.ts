// The earlier result a follow-up screening is compared with: the stored outcome's versions and total,
// and the step the person is in (what the professional chose, as recorded on the follow-up).
import { useLiveQuery } from 'dexie-react-hooks';
import { type DraftPayload, type FollowUpRecord, getFollowUp, getScreening } from '../../db';
import { type PreviousResult, toPrevious } from '../../domain';
import { useVault } from '../../runtime/vault/runtime-context';

export interface PreviousState {
  previous: PreviousResult | null;
  followUp: FollowUpRecord | null;
}

export function usePreviousResult(data: DraftPayload | null): PreviousState | undefined {
  const vault = useVault();
  const screeningId = data?.previousScreeningId ?? null;
  const followUpId = data?.followUpId ?? null;
  const key = `${screeningId}|${followUpId}`;
  const loaded = useLiveQuery(
    async (): Promise<PreviousState & { key: string }> => ({ key, ...(await load()) }),
    [key],
  );
  // useLiveQuery keeps the last value while a new query runs: never show a result for another draft.
  return loaded?.key === key ? loaded : undefined;

  async function load(): Promise<PreviousState> {
    const session = vault.session();
    const followUp = followUpId === null ? null : ((await getFollowUp(session, followUpId)) ?? null);
    if (screeningId === null) return { previous: null, followUp };
    const screening = await getScreening(session, screeningId);
    // The step the person is in is what was chosen at that decision, as recorded on the follow-up.
    const previous = screening ? toPrevious(screening.data.outcome, followUp?.data.step) : null;
    return { previous, followUp };
  }
}
