// Why this step: the step's rationale and the rules that decided, each with its sources. Folded below
// the save, so the decision comes first on a phone (issue 18); open, it reads as before.
import type { ContentPack, FollowUpOutcome, Proposal, ScreeningOutcome } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { SourceList } from './source-list';

export function ReasonsFold(props: {
  pack: ContentPack;
  outcome: ScreeningOutcome;
  followUp: FollowUpOutcome | null;
  proposal: Proposal;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { pack, outcome, followUp } = props;
  const { advice, recommendation } = props.proposal;
  const inference = followUp ? followUp.containsInference : outcome.containsInference;
  const reasons = (followUp?.reasons ?? outcome.reasons).filter(
    (x) => x.kind !== 'band' && x.kind !== 'red-flag' && x.kind !== 'safety-question',
  );
  return (
    <details className="about-fold reasons-fold">
      <summary>{t('reasonsFold')}</summary>
      {advice && recommendation.kind !== 'safety' && <p className="hint">{advice.rationale[language]}</p>}
      {inference && <p className="hint">{t('inference')}</p>}
      <ul className="reasons">
        {reasons.map((x) => (
          <li key={x.ruleId}>
            {x.label[language]}
            <SourceList pack={pack} ids={x.sources} />
          </li>
        ))}
      </ul>
    </details>
  );
}
