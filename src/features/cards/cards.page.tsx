import { Link, useSearchParams } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { applyFilters, readFilters, withParam } from './card-filters';
import { CardFiltersForm } from './card-filters-form';
import { ChecklistLinks } from './checklist-links';
import { cardsMessages } from './messages';
import { useCardEntries } from './use-cards';
import './cards.css';

/** The card library: every card of the active packs, filtered and searched through the URL. */
export function CardsPage() {
  const shell = useT();
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const entries = useCardEntries();
  const filters = readFilters(params);
  const shown = entries === undefined ? [] : applyFilters(entries, filters, language);
  const packs = entries === undefined ? [] : [...new Map(entries.map((e) => [e.pack.id, e.pack])).values()];

  return (
    <section>
      <PageHeading>{shell('cards.title')}</PageHeading>
      <p className="lead">{shell('cards.intro')}</p>
      <CardFiltersForm
        filters={filters}
        packs={packs}
        onChange={(name, value) => setParams(withParam(params, name, value), { replace: name === 'q' })}
        onClear={() => setParams(new URLSearchParams())}
      />
      <p role="status" className="cards-count">
        {entries === undefined
          ? t('loading')
          : shown.length === 1
            ? t('countOne')
            : shown.length === 0
              ? t('none')
              : t('count', { count: shown.length })}
      </p>
      <ul className="card-list">
        {shown.map(({ key, card, pack }) => (
          <li key={key}>
            <Link className="card-link" to={`/cards/${encodeURIComponent(key)}`}>
              <span className="card-link-title">{card.title[language]}</span>
              <span className="card-link-meta">
                {t(`kind.${card.kind}`)} · {t(`audience.${card.audience}`)} · {pack.title[language]}
                {card.specialGroup && ` · ${t(`group.${card.specialGroup}`)}`}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <ChecklistLinks packs={filters.pathway === null ? packs : packs.filter((p) => p.id === filters.pathway)} />
    </section>
  );
}
