// The client list with search, read only from the sealed caseload index (issue 17): alias, code,
// step, an open safety signal, the last score and the next follow-up per client, decrypted a chunk at
// a time and filtered in memory, ignoring case and diacritics.

import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { type CaseloadRow, listedClients, rowsInScope } from '../../domain';
import { useMessages } from '../../i18n/define-messages';
import { useCaseload } from '../../runtime/caseload/use-caseload';
import { useActivePacks } from '../../runtime/content/use-content';
import { CharCount } from '../../ui/char-count';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { CaseloadChips, CaseloadSummary } from './caseload-chips';
import './clients.css';
import { localDate } from './dates';
import type { DestroyedState } from './destroy-client';
import { messages } from './messages';
import { ScopeFilter, useCaseloadScope } from './scope';
import { FIRST_MATCHES, filterIndexed, indexClients } from './search';

export function ClientsPage() {
  const t = useMessages(messages);
  const id = useId();
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const deferred = useDeferredValue(query);
  const destroyed = (useLocation().state as Partial<DestroyedState> | null)?.destroyed === true;
  const caseload = useCaseload();
  const scope = useCaseloadScope();
  // Rows name the instrument of the last score: they wait for the packs, so no instrument id flashes.
  const packs = useActivePacks();
  const today = localDate();
  const list = useMemo(
    () =>
      caseload.status === 'ready'
        ? {
            records: rowsInScope(
              listedClients(caseload.entries, archived ? 'archived' : 'active', today),
              scope.scope,
              scope.initials,
            ),
            damaged: caseload.damaged,
          }
        : undefined,
    [caseload, archived, today, scope.scope, scope.initials],
  );
  // Fold and sort once per list; each keystroke then only filters the prepared index.
  const index = useMemo(() => indexClients(list?.records ?? []), [list]);
  const visible = useMemo(() => filterIndexed(index, deferred), [index, deferred]);
  const shown = showAll ? visible : visible.slice(0, FIRST_MATCHES);

  return (
    <section>
      <PageHeading>{t('listTitle')}</PageHeading>
      {destroyed && (
        <p className="warning-box" role="status">
          {t('destroyedNotice')}
        </p>
      )}
      <p className="lead">{t('listIntro')}</p>
      <p>
        <Link className="button" to="/clients/new">
          {t('newClient')}
        </Link>
      </p>
      <search className="client-search">
        <div className="text-field">
          <label htmlFor={`${id}-q`}>{t('searchLabel')}</label>
          <input
            maxLength={TEXT_LIMITS.search}
            aria-describedby={`${id}-q-count`}
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <CharCount id={`${id}-q-count`} value={query} kind="search" />
        </div>
        <fieldset className="field">
          <legend>{t('filterLegend')}</legend>
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name={`${id}-status`} checked={!archived} onChange={() => setArchived(false)} />
              {t('filterActive')}
            </label>
            <label className="choice">
              <input type="radio" name={`${id}-status`} checked={archived} onChange={() => setArchived(true)} />
              {t('filterArchived')}
            </label>
          </div>
        </fieldset>
        <ScopeFilter state={scope} />
      </search>
      {caseload.status === 'failed' ? (
        <p className="warning-box">{t('indexFailed')}</p>
      ) : list === undefined || packs === undefined ? (
        <p role="status">
          {caseload.status === 'loading' && caseload.progress
            ? t('indexBuilding', { done: caseload.progress.done, total: caseload.progress.total })
            : t('loading')}
        </p>
      ) : (
        <>
          {list.damaged > 0 && <p className="warning-box">{t('damaged', { count: list.damaged })}</p>}
          <p className="visually-hidden" role="status">
            {t('resultCount', { count: visible.length })}
          </p>
          {visible.length === 0 ? (
            <p>
              {list.records.length === 0
                ? archived
                  ? t('emptyArchived')
                  : t('emptyList')
                : t('noMatch', { query: deferred.trim() })}
            </p>
          ) : (
            <>
              <ul className="client-list">
                {shown.map((c) => (
                  <ClientRow
                    key={c.clientId}
                    client={c}
                    packs={packs}
                    archivedBadge={t('archivedBadge')}
                    responsible={scope.team ? c.responsible : null}
                  />
                ))}
              </ul>
              {shown.length < visible.length && (
                <p>
                  <button type="button" className="button secondary" onClick={() => setShowAll(true)}>
                    {t('showAllMatches', { count: visible.length })}
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * One row; memoised so a keystroke re-renders only the rows that came or went. The link names the
 * client only; step, signal, score and next date follow it as text.
 */
const ClientRow = memo(function ClientRow({
  client,
  packs,
  archivedBadge,
  responsible,
}: {
  client: CaseloadRow;
  packs: ReturnType<typeof useActivePacks>;
  archivedBadge: string;
  /** In a team: the responsible member's initials. */
  responsible: string | null;
}) {
  return (
    <li className="client-row">
      <Link to={`/clients/${encodeURIComponent(client.clientId)}`}>
        <span className="client-alias">{client.alias}</span>
        {client.code && <span className="client-code">{client.code}</span>}
        {client.status === 'archived' && <span className="client-code">{archivedBadge}</span>}
      </Link>
      <span className="client-row-meta">
        {/* Outside the link: the link names the client only. */}
        {responsible && <span className="client-code">{responsible}</span>}
        <CaseloadChips row={client} />
        <CaseloadSummary row={client} packs={packs} />
      </span>
    </li>
  );
});
