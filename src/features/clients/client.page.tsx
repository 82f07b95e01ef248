// One client: details (edit, archive), links to start a screening and to the relapse-prevention plan,
// trend charts, a note form and the timeline.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ClientRecord, updateClient } from '../../db';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { logView } from '../audit/log-events';
import { useRolePathways } from '../home/use-role-pathways';
import { ClientLog, ConflictChooser } from '../team';
import { ClientForm } from './client-form';
import './clients.css';
import { ClientOpenSignals } from '../safety/client-open-signals';
import { formatDate } from './dates';
import { messages } from './messages';
import { NoteForm } from './note-form';
import { SaveStatus, useSaveState } from './save-status';
import { Timeline } from './timeline';
import { Trends } from './trends';
import { useClient, useClientHistory } from './use-clients';

// The FHIR export is loaded only when a client page shows it: no first screen carries its code.
const ExportSection = lazy(() => import('../exchange/export-section').then((m) => ({ default: m.ExportSection })));

export function ClientPage() {
  const { clientId = '' } = useParams();
  const t = useMessages(messages);
  const client = useClient(clientId);
  if (client === undefined) return <p className="screen-loading">{t('loading')}</p>;
  if (client === null) {
    return (
      <section>
        <PageHeading>{t('notFound')}</PageHeading>
        <p>{t('notFoundBody')}</p>
        <p>
          <Link to="/clients">{t('backToList')}</Link>
        </p>
      </section>
    );
  }
  return <ClientView client={client} />;
}

function ClientView({ client }: { client: ClientRecord }) {
  const vault = useVault();
  const t = useMessages(messages);
  const language = useLanguage();
  const history = useClientHistory(client.id);
  const pathways = useRolePathways();
  const [editing, setEditing] = useState(false);
  const archive = useSaveState();
  useEffect(() => {
    void logView(vault.db, client.id); // NEN 7513: opening a record is logged (no client data in the event)
  }, [vault, client.id]);
  const latestPlan = history?.plans.reduce<(typeof history.plans)[number] | null>(
    (a, b) => (a === null || b.updatedAt > a.updatedAt ? b : a),
    null,
  );

  const toggleArchive = () =>
    archive.run(
      () =>
        updateClient(vault.session(), client, client.data, {
          status: client.status === 'archived' ? 'active' : 'archived',
        }),
      language,
    );

  return (
    <section className="client-page">
      <PageHeading>{client.data.alias}</PageHeading>
      <ConflictChooser table="clients" id={client.id} />
      {client.data.code && <p className="lead">{t('clientCode', { code: client.data.code })}</p>}
      {client.status === 'archived' && <p className="warning-box">{t('archivedNotice')}</p>}

      {editing ? (
        <ClientForm
          initial={client.data}
          submitLabel={t('save')}
          onSave={async (data) => {
            await updateClient(vault.session(), client, data);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
          <button type="button" className="button secondary" onClick={toggleArchive} disabled={archive.busy}>
            {client.status === 'archived' ? t('unarchive') : t('archive')}
          </button>
        </div>
      )}
      <SaveStatus state={archive} />

      <ul className="action-list">
        {(pathways ?? []).map((pack) => (
          <li key={pack.id}>
            <Link
              className="action-link"
              to={`/screening?pathway=${encodeURIComponent(pack.id)}&client=${encodeURIComponent(client.id)}`}
            >
              {t('startScreening', { pathway: pack.pathway.name[language] })}
            </Link>
          </li>
        ))}
        <li>
          <Link className="action-link" to={`/clients/${encodeURIComponent(client.id)}/plan`}>
            {t('planLink')}{' '}
            <span className="action-meta">
              (
              {latestPlan ? t('planVersion', { date: formatDate(latestPlan.data.revisedAt, language) }) : t('planNone')}
              )
            </span>
          </Link>
        </li>
        <li>
          <Link className="action-link" to={`/clients/${encodeURIComponent(client.id)}/handover`}>
            {t('handoverLink')}
          </Link>
        </li>
      </ul>

      {history === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          {history.damaged > 0 && <p className="warning-box">{t('damaged', { count: history.damaged })}</p>}
          <ClientOpenSignals clientId={client.id} />
          {history.screenings.length > 0 && (
            <section aria-labelledby="trend-title">
              <h2 id="trend-title">{t('trendTitle')}</h2>
              <Trends history={history} />
            </section>
          )}
          <section aria-labelledby="note-title">
            <h2 id="note-title">{t('notesTitle')}</h2>
            <NoteForm clientId={client.id} />
          </section>
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('timelineTitle')}</h2>
            <Timeline history={history} />
            <ClientLog clientId={client.id} />
          </section>
          <Suspense fallback={null}>
            <ExportSection client={client} history={history} />
          </Suspense>
        </>
      )}
    </section>
  );
}
