// Create or change a client: a code or alias, never a name. The input stays in this component's
// state until the save resolved, so a failed save (e.g. storage full) loses nothing.

import { useId, useState } from 'react';
import type { ClientPayload } from '../../db';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { CharCount } from '../../ui/char-count';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { messages } from './messages';
import { SaveStatus, useSaveState } from './save-status';

interface Props {
  initial?: ClientPayload;
  submitLabel: string;
  onSave: (data: ClientPayload) => Promise<unknown>;
  onCancel?: () => void;
}

export function ClientForm({ initial, submitLabel, onSave, onCancel }: Props) {
  const t = useMessages(messages);
  const language = useLanguage();
  const id = useId();
  const [alias, setAlias] = useState(initial?.alias ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = useSaveState();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (alias.trim() === '') {
      setInvalid(true);
      // The first (and only) problem gets focus, so it is heard and seen where it is.
      document.getElementById(`${id}-alias`)?.focus();
      return;
    }
    setInvalid(false);
    const data: ClientPayload = {
      ...initial,
      alias: alias.trim(),
      ...(code.trim() ? { code: code.trim() } : {}),
    };
    if (!code.trim()) delete data.code;
    await save.run(() => onSave(data), language);
  };

  return (
    <form onSubmit={submit} noValidate className="narrow">
      <div className="text-field">
        <label htmlFor={`${id}-alias`}>{t('aliasLabel')}</label>
        <p className="hint" id={`${id}-alias-hint`}>
          {t('aliasHint')}
        </p>
        <input
          maxLength={TEXT_LIMITS.alias}
          id={`${id}-alias`}
          autoComplete="off"
          spellCheck={false}
          value={alias}
          aria-describedby={`${id}-alias-hint${invalid ? ` ${id}-alias-error` : ''}`}
          aria-invalid={invalid || undefined}
          required
          onChange={(e) => setAlias(e.target.value)}
        />
        <CharCount id={`${id}-alias-count`} value={alias} kind="alias" />
        {invalid && (
          <p className="form-message" id={`${id}-alias-error`}>
            {t('aliasRequired')}
          </p>
        )}
      </div>
      <div className="text-field">
        <label htmlFor={`${id}-code`}>{t('codeLabel')}</label>
        <p className="hint" id={`${id}-code-hint`}>
          {t('codeHint')}
        </p>
        <input
          maxLength={TEXT_LIMITS.code}
          id={`${id}-code`}
          autoComplete="off"
          spellCheck={false}
          value={code}
          aria-describedby={`${id}-code-hint`}
          onChange={(e) => setCode(e.target.value)}
        />
        <CharCount id={`${id}-code-count`} value={code} kind="code" />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={save.busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
      <SaveStatus state={save} />
    </form>
  );
}
