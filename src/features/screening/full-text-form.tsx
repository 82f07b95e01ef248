// Full-text questionnaire (PHQ-9, PHQ-2, Whooley, or a licensed EPDS): one question per screen or the
// whole form. Every question is a fieldset with its legend, native radios (arrow keys move and choose),
// Enter goes on. One per screen, a tap on an answer goes on to the next question by itself (issue 18;
// the Community Health Toolkit does the same), except on the last one ("Klaar" stays a deliberate
// tap) and, for the professional, on an answer raising a red flag (the urgent panel comes first, and
// coming back shows what was entered).
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { type Instrument, type Item, itemKey, raisesRedFlag } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { optionLabels, positionsOf } from './option-labels';

export interface FullTextProps {
  instrument: Instrument;
  answers: Readonly<Record<string, number>>;
  position: number;
  mode: 'one' | 'all';
  onAnswer: (itemId: string, position: number) => void;
  onPosition: (position: number) => void;
  onDone: () => void;
  /** Plain wording for a client completing it themselves. */
  audience?: 'professional' | 'client';
}

function Question(props: {
  instrument: Instrument;
  item: Item;
  value: number | undefined;
  onAnswer: (p: number) => void;
  headingLevel?: boolean;
}) {
  const language = useLanguage();
  const { instrument, item } = props;
  const labels = optionLabels(instrument, item);
  const name = `item-${item.id}`;
  return (
    <fieldset className="field question">
      <legend>{`${item.number}. ${(item.text ?? item.topic)[language]}`}</legend>
      <div className="choice-column">
        {positionsOf(instrument, item).map((p) => (
          <label key={`${item.id}-${p}`} className="choice big">
            <input type="radio" name={name} value={p} checked={props.value === p} onChange={() => props.onAnswer(p)} />
            {labels?.[p]?.[language] ?? String(p + 1)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FullTextForm(props: FullTextProps) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const [missing, setMissing] = useState<number[]>([]);
  const { instrument, answers } = props;
  const items = instrument.items;
  const index = Math.min(Math.max(props.position, 0), items.length - 1);
  const item = items[index];
  // Arrow keys move the choice in a radio group; only a tap (or Space, then Enter) goes on.
  const arrowing = useRef(false);

  function chosen(p: number) {
    if (item === undefined) return;
    props.onAnswer(item.id, p);
    setMissing([]);
    if (props.mode !== 'one' || arrowing.current || index + 1 >= items.length) return;
    const points = itemKey(instrument, item.id)?.[p];
    if (props.audience !== 'client' && raisesRedFlag(instrument, item.id, points)) return;
    props.onPosition(index + 1);
  }

  function next() {
    if (props.mode === 'all') {
      const gaps = items.filter((i) => i.scored && answers[i.id] === undefined).map((i) => i.number);
      setMissing(gaps);
      if (gaps.length === 0) props.onDone();
      return;
    }
    if (item === undefined) return;
    if (item.scored && answers[item.id] === undefined) {
      setMissing([item.number]);
      return;
    }
    setMissing([]);
    if (index + 1 < items.length) props.onPosition(index + 1);
    else props.onDone();
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    next();
  };
  // Enter on a radio does not submit a form in every browser: make it go on everywhere.
  const onKeyDown = (e: KeyboardEvent) => {
    arrowing.current = e.key.startsWith('Arrow');
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
      e.preventDefault();
      next();
    }
  };

  const last = props.mode === 'all' || index === items.length - 1;
  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onPointerDown={() => {
        arrowing.current = false;
      }}
      noValidate
      className="questionnaire"
    >
      {instrument.instructions && <p className="hint">{instrument.instructions[language]}</p>}
      {props.mode === 'one' && item !== undefined ? (
        <>
          <p className="progress" aria-live="polite">
            {t('progress', { n: index + 1, total: items.length })}
          </p>
          <Question key={item.id} instrument={instrument} item={item} value={answers[item.id]} onAnswer={chosen} />
        </>
      ) : (
        items.map((i) => (
          <Question
            key={i.id}
            instrument={instrument}
            item={i}
            value={answers[i.id]}
            onAnswer={(p) => props.onAnswer(i.id, p)}
          />
        ))
      )}
      <p className="form-message" role="alert">
        {missing.length > 0 &&
          t(props.mode === 'all' ? 'missingAnswers' : 'chooseAnswer', { items: missing.join(', ') })}
      </p>
      <div className="button-row">
        {props.mode === 'one' && index > 0 && (
          <button type="button" className="button secondary" onClick={() => props.onPosition(index - 1)}>
            {t('previous')}
          </button>
        )}
        <button type="submit" className="button">
          {last ? (props.audience === 'client' ? t('clientFinish') : t('toResult')) : t('next')}
        </button>
      </div>
    </form>
  );
}
