// Score entry: every item's printed position and score, to check against the paper form. Checked just
// before the result (the check list), so folded here: the decision comes sooner (issue 18).
import type { Instrument, ScreeningOutcome } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { optionLabels } from './option-labels';

export function ItemScoresFold({ instrument, outcome }: { instrument: Instrument; outcome: ScreeningOutcome }) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  if (instrument.presentation !== 'score-entry') return null;
  return (
    <details className="about-fold">
      <summary>{t('itemScoresFold')}</summary>
      <table className="item-scores">
        <caption>{t('itemScoresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('itemColumn')}</th>
            <th scope="col">{t('positionColumn')}</th>
            <th scope="col">{t('scoreColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.score.items.map((s) => {
            const item = instrument.items.find((i) => i.id === s.itemId);
            return (
              <tr key={s.itemId}>
                <th scope="row">
                  {s.number}. {item?.topic[language]}
                </th>
                <td>
                  {(item && optionLabels(instrument, item)?.[s.position]?.[language]) ??
                    t('position', { n: s.position + 1 })}
                </td>
                <td>{s.score}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
