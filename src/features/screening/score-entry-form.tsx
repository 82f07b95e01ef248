// Score entry (EPDS, EDIZ-plus, CSI): the client filled in the professional's own paper form; per item
// the app shows the number and a short topic label, and the professional taps the printed option that
// was marked (1st–4th, or no/yes). The scoring key is applied by the engine, never here.
import { type FormEvent, useState } from 'react';
import type { Instrument } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { optionLabels, positionsOf } from './option-labels';

export function ScoreEntryForm(props: {
  instrument: Instrument;
  answers: Readonly<Record<string, number>>;
  onAnswer: (itemId: string, position: number) => void;
  onDone: () => void;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const [missing, setMissing] = useState<number[]>([]);
  const { instrument, answers } = props;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = instrument.items.filter((i) => i.scored && answers[i.id] === undefined).map((i) => i.number);
    setMissing(gaps);
    if (gaps.length === 0) props.onDone();
  };

  return (
    <form onSubmit={submit} noValidate className="score-entry">
      <p className="hint">{t('scoreEntryHint')}</p>
      {instrument.items.map((item) => {
        const labels = optionLabels(instrument, item);
        return (
          <fieldset key={item.id} className="field score-item">
            <legend>
              {item.number}. {item.topic[language]}
            </legend>
            <div className="choice-row">
              {positionsOf(instrument, item).map((p) => (
                <label key={`${item.id}-${p}`} className="choice position">
                  <input
                    type="radio"
                    name={`item-${item.id}`}
                    checked={answers[item.id] === p}
                    onChange={() => props.onAnswer(item.id, p)}
                  />
                  {labels?.[p]?.[language] ?? t('position', { n: p + 1 })}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <p className="form-message" role="alert">
        {missing.length > 0 && t('missingAnswers', { items: missing.join(', ') })}
      </p>
      <button type="submit" className="button">
        {t('toResult')}
      </button>
    </form>
  );
}
