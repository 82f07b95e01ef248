// The plan as the person takes it home: A4, black on white, no navigation (print stylesheet).
import { Link, useParams } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { PageHeading } from '../../ui/page-heading';
import { formatDate } from '../clients/dates';
import { useClient } from '../clients/use-clients';
import './plan.css';
import { messages } from './messages';
import { PlanView } from './plan-view';
import { useCurrentPlan, usePlanTemplate } from './use-plan';

export function PlanPrintPage() {
  const { clientId = '' } = useParams();
  const t = useMessages(messages);
  const language = useLanguage();
  const client = useClient(clientId);
  const plan = useCurrentPlan(clientId);
  const template = usePlanTemplate();
  if (client === undefined || plan === undefined || template === undefined) {
    return <p className="screen-loading">{t('loading')}</p>;
  }
  const base = `/clients/${encodeURIComponent(clientId)}`;
  return (
    <article className="plan-print">
      <PageHeading>{template?.title[language] ?? t('title')}</PageHeading>
      {client && plan && template ? (
        <>
          <p className="lead">
            {t('forClient', { alias: client.data.alias })} ·{' '}
            {t('version', { date: formatDate(plan.data.revisedAt, language) })}
          </p>
          <div className="button-row no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('printNow')}
            </button>
            <Link className="button secondary" to={`${base}/plan`}>
              {t('backToPlan')}
            </Link>
          </div>
          <PlanView plan={plan.data} template={template} level={2} />
        </>
      ) : (
        <>
          <p>{client ? t('noVersion') : t('clientNotFound')}</p>
          <Link to={client ? `${base}/plan` : '/clients'}>{client ? t('backToPlan') : t('back')}</Link>
        </>
      )}
    </article>
  );
}
