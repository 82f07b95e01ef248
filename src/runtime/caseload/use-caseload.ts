// The caseload index for the screens (Vandaag, the client list and search, the indicators): the
// session's decrypted copy when it has one (shown at once), then checked and, when missing or stale,
// rebuilt with its progress. A live query over the index rows' revs and the record tables' row counts
// re-reads it after every save, in this tab or another.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { type CaseloadProgress, caseloadSignature, peekCaseload, readCaseload } from '../../db';
import type { CaseloadEntry, CaseloadIndicators } from '../../domain';
import { useVault } from '../vault/runtime-context';

export type CaseloadState =
  /** `progress` is set while the index is being (re)built from the records. */
  | { status: 'loading'; progress: CaseloadProgress | null }
  | {
      status: 'ready';
      entries: readonly CaseloadEntry[];
      /** Filled only for `useCaseload({ indicators: true })`. */
      indicators: readonly CaseloadIndicators[];
      damaged: number;
    }
  | { status: 'failed' };

const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `indicators: true` also reads what the indicators count (the lists never need it). */
export function useCaseload(options: { indicators?: boolean } = {}): CaseloadState {
  const withIndicators = options.indicators === true;
  const vault = useVault();
  const [timeZone] = useState(deviceTimeZone);
  const [state, setState] = useState<CaseloadState>(() => {
    const known = vault.hasSession() && !withIndicators ? peekCaseload(vault.session()) : null;
    return known ? { status: 'ready', ...known } : { status: 'loading', progress: null };
  });
  const signature = useLiveQuery(() => caseloadSignature(vault.db), [vault]);
  useEffect(() => {
    if (signature === undefined) return;
    let live = true;
    readCaseload(vault.session(), {
      timeZone,
      indicators: withIndicators,
      // A list shows the decrypted copy at once; its row-count check runs right after (read.ts).
      verify: withIndicators ? 'before' : 'after',
      onProgress: (progress) => {
        if (live) setState((s) => (s.status === 'ready' ? s : { status: 'loading', progress }));
      },
    })
      .then((snapshot) => {
        if (!live) return;
        setState((s) =>
          s.status === 'ready' &&
          s.entries === snapshot.entries &&
          s.indicators === snapshot.indicators &&
          s.damaged === snapshot.damaged
            ? s
            : { status: 'ready', ...snapshot },
        );
      })
      .catch(() => {
        if (live) setState({ status: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [vault, signature, timeZone, withIndicators]);
  return state;
}
