// The check before the result (CONTENT.md §7): every entered item beside its printed answer and its
// points, to compare with the paper form; a row's item number takes you back to that item.
import type { Instrument, Item } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

export function ScoreCheck(props: {
  instrument: Instrument;
  answers: Readonly<Record<string, number>>;
  printed: (item: Item, p: number) => string;
  points: (item: Item, p: number) => number | undefined;
  onEdit: (index: number) => void;
  onDone: () => void;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { instrument, answers } = props;
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
          {instrument.items.map((item, index) => {
            const p = answers[item.id];
            if (p === undefined) return null;
            return (
              <tr key={item.id}>
                <th scope="row">
                  <button type="button" className="check-row-link" onClick={() => props.onEdit(index)}>
                    {item.number}. {item.topic[language]}
                  </button>
                </th>
                <td>{props.printed(item, p)}</td>
                <td>{item.scored ? props.points(item, p) : t('notScored')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="button-row">
        <button type="button" className="button" onClick={props.onDone}>
          {t('checkConfirm')}
        </button>
        <button type="button" className="button secondary" onClick={() => props.onEdit(instrument.items.length - 1)}>
          {t('checkBack')}
        </button>
      </p>
    </section>
  );
}
