// The client list with search. Alias and code are encrypted at rest, so IndexedDB cannot index or
// search them: the (small) list is decrypted and filtered in memory, ignoring case and diacritics.

import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ClientRecord } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { CharCount } from '../../ui/char-count';
import { PageHeading } from '../../ui/page-heading';
import { TEXT_LIMITS } from '../../ui/text-limits';
import './clients.css';
import { messages } from './messages';
import { FIRST_MATCHES, filterIndexed, indexClients } from './search';
import { useClients } from './use-clients';

export function ClientsPage() {
  const t = useMessages(messages);
  const id = useId();
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const deferred = useDeferredValue(query);
  const list = useClients(archived ? 'archived' : 'active');
  // Fold and sort once per list; each keystroke then only filters the prepared index.
  const index = useMemo(() => indexClients(list?.records ?? []), [list]);
  const visible = useMemo(() => filterIndexed(index, deferred), [index, deferred]);
  const shown = showAll ? visible : visible.slice(0, FIRST_MATCHES);

  return (
    <section>
      <PageHeading>{t('listTitle')}</PageHeading>
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
        <label className="choice">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          {t('showArchived')}
        </label>
      </search>
      {list === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          {list.damaged.length > 0 && <p className="warning-box">{t('damaged', { count: list.damaged.length })}</p>}
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
                  <ClientRow key={c.id} client={c} archivedBadge={t('archivedBadge')} />
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

/** One row; memoised so a keystroke re-renders only the rows that came or went. */
const ClientRow = memo(function ClientRow({ client, archivedBadge }: { client: ClientRecord; archivedBadge: string }) {
  return (
    <li>
      <Link to={`/clients/${encodeURIComponent(client.id)}`}>
        <span className="client-alias">{client.data.alias}</span>
        {client.data.code && <span className="client-code">{client.data.code}</span>}
        {client.status === 'archived' && <span className="client-code">{archivedBadge}</span>}
      </Link>
    </li>
  );
});
