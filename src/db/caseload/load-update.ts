/**
 * The caseload index's write path (update.ts and the domain projection behind it), loaded on the
 * first save instead of with the db chunk: unlocking never writes, so the lock screen does not carry
 * it (issues 19, 22: the first screen does not grow). Every save awaits this BEFORE it seals and opens
 * its transaction (awaiting an import inside a Dexie transaction would commit it early), so the index
 * is still written in the same transaction as the records.
 */
export type CaseloadUpdate = typeof import('./update');

let loading: Promise<CaseloadUpdate> | undefined;

export function loadCaseloadUpdate(): Promise<CaseloadUpdate> {
  loading ??= import('./update').catch((e: unknown) => {
    loading = undefined; // a failed fetch (offline before the precache) is tried again on the next save
    throw e;
  });
  return loading;
}
