import { useEffect, useState } from 'react';
import type { ContentPack } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { CharCount } from '../../ui/char-count';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { AUDIENCES, type CardFilters, type FilterName, GROUPS, KINDS } from './card-filters';
import { cardsMessages } from './messages';

interface Props {
  filters: CardFilters;
  packs: readonly ContentPack[];
  onChange: (name: FilterName | 'q', value: string) => void;
  onClear: () => void;
}

/** Wide enough for the filters to stand open beside the results (the tab bar moves up at this width too). */
const WIDE = '(min-width: 768px)';
const wide = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches;

/**
 * The filters stand open on a wide screen; on a phone they fold into "Filters (n actief)" so the cards
 * come first (issue 18). Follows the screen when it turns; a tap on the summary opens or closes it.
 */
function useFiltersOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(wide);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(WIDE);
    const follow = () => setOpen(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return [open, setOpen];
}

/**
 * Search box, then four native selects in a native <details> (Enter or Space on its summary opens it,
 * and screen readers announce it expanded or collapsed): labelled and keyboard-friendly as they are.
 */
export function CardFiltersForm({ filters, packs, onChange, onClear }: Props) {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const [open, setOpen] = useFiltersOpen();
  const chosen = [filters.pathway, filters.kind, filters.audience, filters.group].filter((f) => f !== null).length;
  const select = (name: FilterName, label: string, value: string | null, options: [string, string][]) => (
    <div className="text-field">
      <label htmlFor={`card-filter-${name}`}>{label}</label>
      <select id={`card-filter-${name}`} value={value ?? ''} onChange={(e) => onChange(name, e.target.value)}>
        <option value="">{t('all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const active = filters.pathway ?? filters.kind ?? filters.audience ?? filters.group ?? (filters.q || null);
  return (
    <search className="card-filters" aria-label={t('filters')}>
      <div className="text-field">
        <label htmlFor="card-search">{t('search')}</label>
        <input
          maxLength={TEXT_LIMITS.search}
          id="card-search"
          type="search"
          autoComplete="off"
          aria-describedby="card-search-hint"
          value={filters.q}
          onChange={(e) => onChange('q', e.target.value)}
        />
        <CharCount id="card-search-count" value={filters.q} kind="search" />
        <span id="card-search-hint" className="hint">
          {t('searchHint')}
        </span>
      </div>
      <details className="card-filter-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{chosen === 0 ? t('filtersNone') : t('filtersActive', { count: chosen })}</summary>
        <div className="card-filter-grid">
          {select(
            'pathway',
            t('pathway'),
            filters.pathway,
            packs.map((p) => [p.id, p.title[language]]),
          )}
          {select(
            'kind',
            t('kind'),
            filters.kind,
            KINDS.map((k) => [k, t(`kind.${k}`)]),
          )}
          {select(
            'audience',
            t('audience'),
            filters.audience,
            AUDIENCES.map((a) => [a, t(`audience.${a}`)]),
          )}
          {select(
            'group',
            t('group'),
            filters.group,
            GROUPS.map((g) => [g, t(`group.${g}`)]),
          )}
        </div>
      </details>
      {active !== null && (
        <button type="button" className="button secondary" onClick={onClear}>
          {t('clear')}
        </button>
      )}
    </search>
  );
}
