// What the professional did about the open safety signals: the pack's safety actions for those
// signals (content, not code) and a note, required where the pack says so.
import type { SafetyAction } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { safetyMessages } from './messages';

export interface SafetyChoice {
  action: string | null;
  note: string;
}

export function SafetyActionFields(props: {
  actions: readonly SafetyAction[];
  value: SafetyChoice;
  onChange: (v: SafetyChoice) => void;
  idPrefix?: string;
}) {
  const t = useMessages(safetyMessages);
  const language = useLanguage();
  const prefix = props.idPrefix ?? 'safety';
  const chosen = props.actions.find((a) => a.id === props.value.action);
  return (
    <>
      <fieldset className="field">
        <legend>{t('actionLegend')}</legend>
        <div className="choice-column">
          {props.actions.map((a) => (
            <label key={a.id} className="choice">
              <input
                type="radio"
                name={`${prefix}-action`}
                checked={props.value.action === a.id}
                onChange={() => props.onChange({ ...props.value, action: a.id })}
              />
              {a.label[language]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-field">
        <label htmlFor={`${prefix}-note`}>{chosen?.requiresNote ? t('noteRequired') : t('note')}</label>
        <textarea
          id={`${prefix}-note`}
          rows={3}
          autoComplete="off"
          maxLength={2000}
          value={props.value.note}
          onChange={(e) => props.onChange({ ...props.value, note: e.target.value })}
        />
      </div>
    </>
  );
}
