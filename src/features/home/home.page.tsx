// "Vandaag" as a caseload (issue 18, from the caseload index of issue 17): clients whose follow-up is
// overdue or due today, those due in the coming week, each with its step and an open safety signal
// as chips; unfinished screenings to resume; a screening to start for each pathway of the
// professional's roles (plus a quick anonymous one that saves nothing).
import { type ReactNode, useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { type CaseloadRow, todayInScope } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { PageHeading } from '../../ui/page-heading';
import { BackupReminder } from '../backup/backup-reminder';
import { CaseloadChips } from '../clients/caseload-chips';
import { formatDate, localDate } from '../clients/dates';
import { ScopeFilter, useCaseloadScope } from '../clients/scope';
import { OpenSignalsSection } from '../safety/open-signals-section';
import './home.css';
import { messages } from './messages';
import { useRolePathways } from './use-role-pathways';
import { useCaseload, useOpenDrafts, useToday } from './use-today';

export function HomePage() {
  const t = useMessages(messages);
  const language = useLanguage();
  const today = localDate();
  const caseload = useCaseload();
  const scope = useCaseloadScope();
  const todayAll = useToday(caseload, today);
  // In a team: only this member's clients, or the whole team's ("mijn cliënten / team").
  const todayState = useMemo(
    () =>
      todayAll.status === 'ready'
        ? { ...todayAll, caseload: todayInScope(todayAll.caseload, scope.scope, scope.initials) }
        : todayAll,
    [todayAll, scope.scope, scope.initials],
  );
  // The coming week can be hundreds of rows in a team's caseload: rendered just after the due list,
  // so what needs doing today paints first (the same rows, one frame later).
  const weekState = useDeferredValue(todayState);
  const drafts = useOpenDrafts(caseload);
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
      <ScopeFilter state={scope} />

      <section aria-labelledby="home-due">
        <h2 id="home-due">{t('dueTitle')}</h2>
        {todayState.status === 'failed' ? (
          <p className="warning-box">{t('indexFailed')}</p>
        ) : todayState.status === 'loading' || !loaded ? (
          <p role="status">
            {todayState.status === 'loading' && todayState.progress
              ? t('indexBuilding', { done: todayState.progress.done, total: todayState.progress.total })
              : t('loading')}
          </p>
        ) : todayState.caseload.overdue.length + todayState.caseload.today.length === 0 ? (
          <p className="empty">{t('dueEmpty')}</p>
        ) : (
          <ul className="home-list">
            {[...todayState.caseload.overdue, ...todayState.caseload.today].map((row) => (
              <CaseloadItem key={row.clientId} row={row} pathwayName={pathwayName}>
                {row.when === 'overdue' ? (
                  <span className="overdue">
                    {t('overdue', { date: formatDate(row.next?.dueDate ?? today, language) })}
                  </span>
                ) : (
                  <span className="home-card-meta">{t('dueToday')}</span>
                )}
              </CaseloadItem>
            ))}
          </ul>
        )}
        {todayState.status === 'ready' && todayState.damaged > 0 && (
          <p className="warning-box">{t('damaged', { count: todayState.damaged })}</p>
        )}
      </section>

      <section aria-labelledby="home-week">
        <h2 id="home-week">{t('weekTitle')}</h2>
        {weekState.status !== 'ready' || !loaded ? (
          <p>{t('loading')}</p>
        ) : weekState.caseload.week.length === 0 ? (
          <p className="empty">{t('weekEmpty')}</p>
        ) : (
          <ul className="home-list">
            {weekState.caseload.week.map((row) => (
              <CaseloadItem key={row.clientId} row={row} pathwayName={pathwayName}>
                <span className="home-card-meta">
                  {t('plannedOn', { date: formatDate(row.next?.dueDate ?? today, language) })}
                </span>
              </CaseloadItem>
            ))}
          </ul>
        )}
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

/** One client of the caseload: opens the follow-up screening of its next follow-up. */
function CaseloadItem({
  row,
  pathwayName,
  children,
}: {
  row: CaseloadRow;
  pathwayName: (id: string) => string;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  const followUpId = row.next?.followUpId ?? '';
  return (
    <li>
      <Link className="home-card" to={`/screening?followUp=${encodeURIComponent(followUpId)}`}>
        <span className="home-card-title">{row.alias || t('noAlias')}</span>
        <span>{pathwayName(row.next?.pathwayId ?? row.pathwayId ?? '')}</span>
        {children}
        <CaseloadChips row={row} />
      </Link>
    </li>
  );
}
