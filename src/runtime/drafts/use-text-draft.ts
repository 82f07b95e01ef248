/**
 * Keeps a form's free text as an encrypted draft (CamCOPS keeps free text as a draft; issue 18): every
 * change is autosaved, and the form gets its texts back after navigating away, the auto-lock or a crash.
 *
 *   const draft = useTextDraft(`note:${clientId}`, clientId);
 *   // draft.restored: undefined while loading, then the stored texts or null — apply it once;
 *   // draft.set({ text }) on every change; await draft.clear() once the form is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerUpdateGuard } from '../update/update-guards';
import { useVault } from '../vault/runtime-context';
import { TextDraftSaver } from './text-draft-saver';

export interface TextDraft {
  /** undefined while loading; then the texts left by an earlier visit, or null. */
  readonly restored: Readonly<Record<string, string>> | null | undefined;
  set(texts: Record<string, string>): void;
  clear(): Promise<void>;
  flush(): Promise<void>;
}

export function useTextDraft(key: string | null, clientId: string | null): TextDraft {
  const vault = useVault();
  // Tagged with its key: after the key changes, the texts of the previous key are never handed out.
  const [loaded, setLoaded] = useState<{ key: string | null; texts: Readonly<Record<string, string>> | null }>();
  const restored = loaded !== undefined && loaded.key === key ? loaded.texts : undefined;
  const saver = useRef<TextDraftSaver | null>(null);

  useEffect(() => {
    if (key === null) {
      saver.current = null;
      setLoaded({ key, texts: null });
      return;
    }
    let live = true;
    const s = new TextDraftSaver(
      () => vault.session(),
      key,
      clientId,
      () => {},
    );
    saver.current = s;
    s.load()
      .then((texts) => {
        if (live) setLoaded({ key, texts });
      })
      .catch(() => {
        if (live) setLoaded({ key, texts: null });
      });
    const flush = () => s.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    const dropGuard = registerUpdateGuard({ flush });
    const dropFlush = vault.db.lifecycle.registerFlush(flush);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      dropGuard();
      dropFlush();
      // Leaving the screen (navigation) saves what was typed; a locked vault cannot, but the auto-lock
      // flushed through the update guard first.
      if (vault.hasSession()) void flush().catch(() => {});
    };
  }, [vault, key, clientId]);

  const set = useCallback((texts: Record<string, string>) => saver.current?.update(texts), []);
  const clear = useCallback(async () => {
    await saver.current?.clear();
  }, []);
  const flush = useCallback(async () => {
    await saver.current?.flush();
  }, []);
  return { restored, set, clear, flush };
}
