/**
 * One screening draft, loaded once and then held in memory: every change updates the screen at once
 * and is autosaved (DraftSaver). Flushes on visibilitychange → hidden, pagehide, before an app update
 * and before another tab takes the database over. The anonymous screening lives in memory only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type DraftPayload, getDraft } from '../../db';
import { registerUpdateGuard } from '../../runtime/update/update-guards';
import { useVault } from '../../runtime/vault/runtime-context';
import { ANONYMOUS_ID, readAnonymous, writeAnonymous } from './anonymous-draft';
import { DraftSaver, type SaveStatus } from './draft-saver';

export interface LoadedDraft {
  readonly id: string;
  readonly anonymous: boolean;
  readonly clientId: string | null;
  readonly data: DraftPayload;
  /** The draft already held answers when this screen opened after a reload or crash. */
  readonly restored: boolean;
}

// Drafts opened since this page loaded: coming back to one of them is not a "restore".
const openedThisPage = new Set<string>();

export function markOpened(id: string): void {
  openedThisPage.add(id);
}

export type DraftState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ready'; readonly draft: LoadedDraft };

export function useDraft(draftId: string) {
  const vault = useVault();
  const [state, setState] = useState<DraftState>({ kind: 'loading' });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const saver = useRef<DraftSaver | null>(null);
  const dataRef = useRef<DraftPayload | null>(null);

  useEffect(() => {
    let live = true;
    if (draftId === ANONYMOUS_ID) {
      const data = readAnonymous();
      dataRef.current = data;
      setState(
        data === null
          ? { kind: 'missing' }
          : { kind: 'ready', draft: { id: draftId, anonymous: true, clientId: null, data, restored: false } },
      );
      return;
    }
    getDraft(vault.session(), draftId)
      .then((record) => {
        if (!live) return;
        if (record === undefined) {
          setState({ kind: 'missing' });
          return;
        }
        saver.current = new DraftSaver(
          () => vault.session(),
          record,
          (s) => {
            if (live) setStatus(s);
          },
        );
        dataRef.current = record.data;
        const answered = Object.keys(record.data.answers ?? {}).length;
        const restored = answered > 0 && !openedThisPage.has(draftId);
        openedThisPage.add(draftId);
        setState({
          kind: 'ready',
          draft: {
            id: draftId,
            // A kept anonymous screening (it raised a safety signal) still offers to create a client.
            anonymous: record.clientId === null,
            clientId: record.clientId,
            data: record.data,
            restored,
          },
        });
      })
      .catch(() => {
        if (live) setState({ kind: 'missing' });
      });
    return () => {
      live = false;
    };
  }, [vault, draftId]);

  const flush = useCallback(async () => {
    await saver.current?.flush();
  }, []);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    const dropGuard = registerUpdateGuard({ flush });
    const dropFlush = vault.db.lifecycle.registerFlush(flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      dropGuard();
      dropFlush();
      void flush();
    };
  }, [vault, flush]);

  /** Applies a change to the draft: shown at once, autosaved (or kept in memory when anonymous). */
  const update = useCallback(
    (change: (data: DraftPayload) => DraftPayload) => {
      const current = dataRef.current;
      if (current === null) return;
      const next = change(current);
      dataRef.current = next;
      setState((s) => (s.kind === 'ready' ? { kind: 'ready', draft: { ...s.draft, data: next } } : s));
      if (draftId === ANONYMOUS_ID) writeAnonymous(next);
      else saver.current?.update(next);
    },
    [draftId],
  );

  /** Stops autosaving (the draft was completed: the completing transaction deleted it). */
  const dispose = useCallback(() => {
    saver.current?.dispose();
    saver.current = null;
  }, []);

  return { state, status, update, flush, dispose };
}
