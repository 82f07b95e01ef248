// What the result page shows before (or instead of) a result: no draft, still loading, or answers the
// engine cannot evaluate.
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/define-messages';
import { PageHeading } from '../../ui/page-heading';
import { screeningMessages } from './messages';

export function ResultMissing() {
  const t = useMessages(screeningMessages);
  return (
    <section>
      <PageHeading>{t('draftMissingTitle')}</PageHeading>
      <p>{t('draftMissing')}</p>
    </section>
  );
}

export function ResultLoading() {
  const t = useMessages(screeningMessages);
  return (
    <section>
      <PageHeading>{t('resultTitle')}</PageHeading>
      <p className="hint">{t('loading')}</p>
    </section>
  );
}

export function ResultFailed({ draftId }: { draftId: string }) {
  const t = useMessages(screeningMessages);
  const navigate = useNavigate();
  return (
    <section>
      <PageHeading>{t('resultTitle')}</PageHeading>
      <p className="form-errors">{t('evaluationFailed')}</p>
      <button type="button" className="button" onClick={() => navigate(`/screening/${draftId}`)}>
        {t('backToQuestions')}
      </button>
    </section>
  );
}
