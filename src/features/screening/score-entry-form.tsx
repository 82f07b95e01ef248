// Score entry (EPDS, EDIZ-plus, CSI): the client filled in the professional's own paper form; per item
// the app shows the number and a short topic label, and the professional taps the answer as printed
// on that form (EPDS 1e–4e, CSI Nee/Ja, EDIZ-plus its five answers), with the points it scores.
// Before the result, every entered item is listed beside its printed answer for a check against the
// paper (CONTENT.md §7). The scoring key is the engine's (itemKey), never computed here.
import { type FormEvent, useState } from 'react';
import type { Instrument, Item } from '../../domain';
import { itemKey } from '../../domain';
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
  const [checking, setChecking] = useState(false);
  const { instrument, answers } = props;
  const printed = (item: Item, p: number) =>
    optionLabels(instrument, item)?.[p]?.[language] ?? t('position', { n: p + 1 });
  const points = (item: Item, p: number) => itemKey(instrument, item.id)?.[p];
  const pointsText = (n: number | undefined) => (n === undefined ? '' : n === 1 ? t('onePoint') : t('points', { n }));
  const labelled = instrument.items.some((i) => optionLabels(instrument, i) !== undefined);
  const last = Math.max(...instrument.items.map((i) => positionsOf(instrument, i).length));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = instrument.items.filter((i) => i.scored && answers[i.id] === undefined).map((i) => i.number);
    setMissing(gaps);
    if (gaps.length === 0) setChecking(true);
  };

  if (checking) {
    return (
      <section className="score-check" aria-labelledby="score-check-heading">
        <h2 id="score-check-heading">{t('checkHeading')}</h2>
        <p>{t('checkHint')}</p>
        <table className="item-scores">
          <thead>
            <tr>
              <th scope="col">{t('itemColumn')}</th>
              <th scope="col">{t('positionColumn')}</th>
              <th scope="col">{t('scoreColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {instrument.items
              .filter((item) => answers[item.id] !== undefined)
              .map((item) => {
                const p = answers[item.id] ?? 0;
                return (
                  <tr key={item.id}>
                    <th scope="row">
                      {item.number}. {item.topic[language]}
                    </th>
                    <td>{printed(item, p)}</td>
                    <td>{item.scored ? points(item, p) : t('notScored')}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
        <p className="button-row">
          <button type="button" className="button" onClick={props.onDone}>
            {t('checkConfirm')}
          </button>
          <button type="button" className="button secondary" onClick={() => setChecking(false)}>
            {t('checkBack')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="score-entry">
      {instrument.scoring.keyVerified && instrument.scoring.certainty === 'unverified' && (
        <p className="warning-box" role="note">
          {t('printedKeyUnverified')}
        </p>
      )}
      <p className="hint">{labelled ? t('scoreEntryHintPrinted') : t('scoreEntryHint', { last })}</p>
      {instrument.items.map((item) => (
        <fieldset key={item.id} className="field score-item">
          <legend>
            {item.number}. {item.topic[language]}
          </legend>
          <div className="choice-row">
            {positionsOf(instrument, item).map((p) => {
              // The radio is named by the printed answer alone; the points are its description.
              const pointsId = `points-${item.id}-${p}`;
              return (
                <label key={`${item.id}-${p}`} className="choice position">
                  <input
                    type="radio"
                    name={`item-${item.id}`}
                    aria-label={printed(item, p)}
                    aria-describedby={item.scored ? pointsId : undefined}
                    checked={answers[item.id] === p}
                    onChange={() => props.onAnswer(item.id, p)}
                  />
                  {printed(item, p)}
                  {item.scored && (
                    <span id={pointsId} className="hint-inline">
                      {' '}
                      ({pointsText(points(item, p))})
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p className="form-message" role="alert">
        {missing.length > 0 && t('missingAnswers', { items: missing.join(', ') })}
      </p>
      <button type="submit" className="button">
        {t('toCheck')}
      </button>
    </form>
  );
}
