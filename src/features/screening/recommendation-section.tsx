// The recommended step with its reasons and sources, the actions of the matching rows, and at a
// follow-up the comparison with the previous result (improved or not, and the proposal).
import type { ContentPack, FollowUpOutcome, ScreeningOutcome, Step } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { SourceList } from './source-list';

export function stepName(pack: ContentPack, step: Step, language: 'nl' | 'en'): string {
  return `${step} ${pack.pathway.stepLabels[step][language]}`;
}

export function RecommendationSection(props: {
  pack: ContentPack;
  outcome: ScreeningOutcome;
  followUp: FollowUpOutcome | null;
  previousTotal: number | null;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { pack, outcome, followUp } = props;
  const r = outcome.recommendation;
  const proposal = followUp
    ? followUp.proposedStep
    : r.kind === 'step'
      ? r.step
      : r.kind === 'safety'
        ? 'safety'
        : null;
  const reasons = (followUp?.reasons ?? outcome.reasons).filter(
    (x) => x.kind !== 'band' && x.kind !== 'red-flag' && x.kind !== 'safety-question',
  );
  // On the safety path the step's actions come after the safety assessment, never mixed in (§4).
  const actions =
    r.kind === 'safety'
      ? []
      : outcome.reasons
          .map((x) => pack.pathway.rules.find((rule) => rule.id === x.ruleId))
          .flatMap((rule) => rule?.actions ?? []);
  const inference = followUp ? followUp.containsInference : outcome.containsInference;
  return (
    <section aria-labelledby="recommendation-heading">
      <h2 id="recommendation-heading">{t('recommendationHeading')}</h2>
      {followUp && props.previousTotal !== null && (
        <div className="comparison">
          <p>
            {t('comparison', { before: props.previousTotal, now: outcome.score.total })}{' '}
            <strong>{t(followUp.improved ? 'improved' : 'notImproved')}</strong>
          </p>
          <p>
            {t(`decision.${followUp.decision}`)}
            {typeof followUp.proposedStep === 'number' &&
              `: ${t('stepLabel', { step: stepName(pack, followUp.proposedStep, language) })}`}
          </p>
        </div>
      )}
      {proposal !== null && (
        <p className="proposal">
          {proposal === 'safety'
            ? t('proposalSafety')
            : t('proposalStep', { step: stepName(pack, proposal, language) })}
        </p>
      )}
      {actions.length > 0 && (
        <>
          <h3>{t('actionsHeading')}</h3>
          <ul className="plain-list">
            {actions.map((a) => (
              <li key={a.nl}>{a[language]}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('reasonsHeading')}</h3>
      <ul className="reasons">
        {reasons.map((x) => (
          <li key={x.ruleId}>
            {x.label[language]}
            <SourceList pack={pack} ids={x.sources} />
          </li>
        ))}
      </ul>
      {inference && <p className="warning-box">{t('inference')}</p>}
    </section>
  );
}
