// The proposed step with its reasons and sources, the actions and rationale of that step (from the
// engine's proposal, never from the rows that matched), and at a follow-up the comparison with the
// previous result: the branch of the follow-up rule that decided, and the proposal.
import type { ContentPack, FollowUpOutcome, Proposal, ScreeningOutcome, Step } from '../../domain';
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
  proposal: Proposal;
  previousTotal: number | null;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { pack, outcome, followUp } = props;
  const { choice: proposal, advice } = props.proposal;
  const r = props.proposal.recommendation;
  const reasons = (followUp?.reasons ?? outcome.reasons).filter(
    (x) => x.kind !== 'band' && x.kind !== 'red-flag' && x.kind !== 'safety-question',
  );
  // On the safety path the step's actions come after the safety assessment, never mixed in (§4).
  const actions = r.kind === 'safety' ? [] : (advice?.actions ?? []);
  const inference = followUp ? followUp.containsInference : outcome.containsInference;
  return (
    <section aria-labelledby="recommendation-heading">
      <h2 id="recommendation-heading">{t('recommendationHeading')}</h2>
      {followUp && props.previousTotal !== null && (
        <div className="comparison">
          <p>
            {t('comparison', { before: props.previousTotal, now: outcome.score.total })}{' '}
            <strong>{pack.pathway.improvement.branches[followUp.branch][language]}</strong>
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
      {advice && r.kind !== 'safety' && <p className="hint">{advice.rationale[language]}</p>}
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
