// The proposed step and its own actions (from the engine's proposal, never from the rows that matched),
// and at a follow-up the comparison with the previous result: the branch of the follow-up rule that
// decided, and the proposal. This is the decision the page leads with (issue 18); why — the reasons,
// their sources and the step's rationale — folds open below the save (ReasonsFold).
import type { ContentPack, FollowUpOutcome, Proposal, ScreeningOutcome, Step } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

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
  // On the safety path the step's actions come after the safety assessment, never mixed in (§4).
  const actions = r.kind === 'safety' ? [] : (advice?.actions ?? []);
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
      {actions.length > 0 && (
        <>
          {/* The step above says what the list is; the heading stays for screen readers' outline. */}
          <h3 className="visually-hidden">{t('actionsHeading')}</h3>
          <ul className="plain-list step-actions">
            {actions.map((a) => (
              <li key={a.nl}>{a[language]}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
