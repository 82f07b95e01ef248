// Total and band with what it means; for score entry every item's position and score, to check
// against the paper form. No subscale that the content does not define (EPDS items 3–5 are never an
// "anxiety score").

import type { PreScreen } from '../../db';
import type { ContentPack, Instrument, ScreeningOutcome } from '../../domain';
import { maxTotal, scoreInstrument } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { optionLabels } from './option-labels';

export function ScoreSection(props: {
  pack: ContentPack;
  instrument: Instrument;
  outcome: ScreeningOutcome;
  preScreens: readonly PreScreen[];
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { instrument, outcome } = props;
  const score = outcome.score;
  const bandReason = outcome.reasons.find((r) => r.kind === 'band');
  return (
    <section aria-labelledby="score-heading">
      <h2 id="score-heading">{t('scoreHeading')}</h2>
      {props.preScreens.map((pre) => {
        const preInstrument = props.pack.instruments.find((i) => i.id === pre.instrumentId);
        const preScore = preInstrument ? scoreInstrument(preInstrument, pre.answers) : null;
        if (!preInstrument || !preScore?.ok) return null;
        return (
          <p key={pre.instrumentId} className="hint">
            {t('preScreenResult', { name: preInstrument.name[language], band: preScore.value.band.label[language] })}
          </p>
        );
      })}
      <p className="total">
        <span className="total-name">{instrument.name[language]}</span>{' '}
        <strong>{t('totalOf', { total: score.total, max: maxTotal(instrument) })}</strong>
      </p>
      <p className="band">
        {t('band')}: <strong>{score.band.label[language]}</strong>
      </p>
      {bandReason !== undefined && bandReason.label.nl !== score.band.label.nl && <p>{bandReason.label[language]}</p>}
      {!score.keyVerified && (
        <p className="warning-box" role="note">
          {t('keyNotVerified')}
        </p>
      )}
      {/* Checked against the paper just before the result: folded here, so the decision comes sooner. */}
      {instrument.presentation === 'score-entry' && (
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
              {score.items.map((s) => {
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
      )}
    </section>
  );
}
