import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

/** A yes/no question as a fieldset with two large radio targets. */
export function YesNo(props: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  value: boolean | null;
  onChange: (value: boolean) => void;
  className?: string;
}) {
  const t = useMessages(screeningMessages);
  const hintId = props.hint === undefined ? undefined : `${props.name}-hint`;
  return (
    <fieldset className={props.className ?? 'field'} aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      {props.hint !== undefined && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div className="choice-row">
        {([false, true] as const).map((v) => (
          <label key={String(v)} className="choice">
            <input type="radio" name={props.name} checked={props.value === v} onChange={() => props.onChange(v)} />
            {v ? t('yes') : t('no')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
