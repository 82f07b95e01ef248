// Save feedback shared by every form of this feature: "Opgeslagen" appears only after the save
// promise resolved; a failure shows the Dutch storage message and the caller keeps its input.
import { useCallback, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import type { Language } from '../../i18n/translate';
import { messages } from './messages';
import { saveErrorMessage } from './storage-messages';

export interface SaveState {
  busy: boolean;
  saved: boolean;
  error: string | null;
  /** Runs a save; resolves true when it was stored. Never throws. */
  run: (save: () => Promise<unknown>, language: Language) => Promise<boolean>;
  fail: (message: string) => void;
  reset: () => void;
}

export function useSaveState(): SaveState {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (save: () => Promise<unknown>, language: Language) => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await save();
      setSaved(true);
      return true;
    } catch (e) {
      setError(saveErrorMessage(e, language));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const fail = useCallback((message: string) => {
    setSaved(false);
    setError(message);
  }, []);
  const reset = useCallback(() => {
    setSaved(false);
    setError(null);
  }, []);
  return { busy, saved, error, run, fail, reset };
}

/** A polite status line and an assertive error line; both always present so they are announced. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useMessages(messages);
  return (
    <>
      <p className="save-status" role="status">
        {state.busy ? t('saving') : state.saved ? t('saved') : ''}
      </p>
      <p className="form-message" role="alert">
        {state.error ?? ''}
      </p>
    </>
  );
}
