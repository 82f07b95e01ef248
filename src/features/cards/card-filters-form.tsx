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

/** Search box and four native selects: labelled, keyboard- and screen-reader-friendly as they are. */
export function CardFiltersForm({ filters, packs, onChange, onClear }: Props) {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
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
      {active !== null && (
        <button type="button" className="button secondary" onClick={onClear}>
          {t('clear')}
        </button>
      )}
    </search>
  );
}
