// "Vandaag": follow-ups due today or overdue, unfinished screenings to resume, and a screening to
// start for each pathway of the professional's roles (plus a quick anonymous one that saves nothing).
import { Link } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { PageHeading } from '../../ui/page-heading';
import { BackupReminder } from '../backup/backup-reminder';
import { formatDate, localDate } from '../clients/dates';
import { OpenSignalsSection } from '../safety/open-signals-section';
import './home.css';
import { messages } from './messages';
import { useRolePathways } from './use-role-pathways';
import { useDueFollowUps, useOpenDrafts } from './use-today';

export function HomePage() {
  const t = useMessages(messages);
  const language = useLanguage();
  const today = localDate();
  const due = useDueFollowUps(today);
  const drafts = useOpenDrafts();
  const packs = useActivePacks();
  const pathways = useRolePathways();
  const pathwayName = (id: string) => packs?.find((p) => p.id === id)?.pathway.name[language] ?? id;
  // A row names its pathway, so it waits for the packs too: otherwise the pathway id flashes first.
  const loaded = packs !== undefined;

  return (
    <section className="home">
      <PageHeading>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <OpenSignalsSection />
      <BackupReminder />

      <section aria-labelledby="home-due">
        <h2 id="home-due">{t('dueTitle')}</h2>
        {due === undefined || !loaded ? (
          <p>{t('loading')}</p>
        ) : due.items.length === 0 ? (
          <p className="empty">{t('dueEmpty')}</p>
        ) : (
          <ul className="home-list">
            {due.items.map(({ followUp, alias, overdue }) => (
              <li key={followUp.id}>
                <Link className="home-card" to={`/screening?followUp=${encodeURIComponent(followUp.id)}`}>
                  <span className="home-card-title">{alias ?? t('noAlias')}</span>
                  <span>{pathwayName(followUp.pathwayId)}</span>
                  <span className={overdue ? 'overdue' : 'home-card-meta'}>
                    {overdue ? t('overdue', { date: formatDate(followUp.dueDate, language) }) : t('dueToday')}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {due !== undefined && due.damaged > 0 && <p className="warning-box">{t('damaged', { count: due.damaged })}</p>}
      </section>

      <section aria-labelledby="home-drafts">
        <h2 id="home-drafts">{t('draftsTitle')}</h2>
        {drafts === undefined || !loaded ? (
          <p>{t('loading')}</p>
        ) : drafts.items.length === 0 ? (
          <p className="empty">{t('draftsEmpty')}</p>
        ) : (
          <ul className="home-list">
            {drafts.items.map(({ draft, alias }) => (
              <li key={draft.id}>
                <Link className="home-card" to={`/screening/${encodeURIComponent(draft.id)}`}>
                  <span className="home-card-title">{alias ?? t('draftAnonymous')}</span>
                  <span>{pathwayName(draft.data.pathwayId)}</span>
                  <span className="home-card-meta">
                    {t('draftSaved', { date: formatDate(draft.updatedAt, language) })} ·{' '}
                    {t('draftAnswers', { count: Object.keys(draft.data.answers ?? {}).length })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {drafts !== undefined && drafts.damaged > 0 && (
          <p className="warning-box">{t('damaged', { count: drafts.damaged })}</p>
        )}
      </section>

      <section aria-labelledby="home-start">
        <h2 id="home-start">{t('startTitle')}</h2>
        {pathways === undefined ? (
          <p>{t('loading')}</p>
        ) : pathways.length === 0 ? (
          <p className="empty">{t('startEmpty')}</p>
        ) : (
          <ul className="home-list">
            {pathways.map((pack) => (
              <li key={pack.id}>
                <Link className="button home-start" to={`/screening?pathway=${encodeURIComponent(pack.id)}`}>
                  {pack.pathway.name[language]}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="home-quick">
          <Link className="button secondary home-start" to="/screening?quick=1" aria-describedby="home-quick-hint">
            {t('quick')}
          </Link>
        </p>
        <p className="hint" id="home-quick-hint">
          {t('quickHint')}
        </p>
      </section>
      <p>
        <Link to="/clients">{t('clientsLink')}</Link>
      </p>
    </section>
  );
}
