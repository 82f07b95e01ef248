// Total and band with what it means (every item's score folds open in ItemScoresFold, issue 18). No
// subscale that the content does not define (EPDS items 3–5 are never an "anxiety score").
import type { PreScreen } from '../../db';
import type { ContentPack, Instrument, ScreeningOutcome } from '../../domain';
import { maxTotal, scoreInstrument } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

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
  // The short name ("EPDS", "PHQ-9") before the full one's parenthesis: the heading leads the page.
  const shortName = instrument.name[language].split(' (')[0];
  return (
    <section aria-labelledby="score-heading" className="score-summary">
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
      <h2 id="score-heading" className="total">
        <span className="total-name">{shortName}</span>{' '}
        <strong>{t('totalOf', { total: score.total, max: maxTotal(instrument) })}</strong>
      </h2>
      <p className="band">
        {t('band')}: <strong>{score.band.label[language]}</strong>
      </p>
      {bandReason !== undefined && bandReason.label.nl !== score.band.label.nl && <p>{bandReason.label[language]}</p>}
      {/* Short here (the full text is on the score entry): the score per question folds open below. */}
      {!score.keyVerified && (
        <p className="warning-box compact" role="note">
          {t('keyNotVerifiedShort')}
        </p>
      )}
    </section>
  );
}
