// The urgent panel (CONTENT.md §4): one component for every place a safety signal must be acted on at
// once — a "Ja" to a safety question, a red-flag item as it is entered, the result, an open signal
// from Vandaag, and "Hulp nu". The signal's own card comes first, then 113 / 0800-0113 / 112 with
// tap-to-call, the practice's regional numbers (or that they are not set), and the professionals'
// 113 line as "zie 113.nl". Everything it shows is bundled content or a local setting: it works offline.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ContentPack, SafetyAdvice } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { helpNowMessages } from './help-now.messages';
import { safetyMessages } from './messages';
import {
  REGIONAL_KEYS,
  REGIONAL_ROUTE,
  type RegionalNumbers,
  telHref,
  useRegionalNumbersOrLocked,
} from './regional-numbers';
import './safety.css';

const PROFESSIONALS_LINE = '113-professionals';

export function UrgentPanel(props: {
  pack: ContentPack;
  advice: SafetyAdvice;
  /** An id prefix, so two panels on one page keep unique heading ids. */
  id?: string;
  /** Replaces the level's heading ("Hulp nu" has no signal, so no level to name). */
  heading?: string;
  /** Shown below the routes, e.g. the action form or "Verder met de screening". */
  children?: ReactNode;
}) {
  const t = useMessages(safetyMessages);
  const language = useLanguage();
  const regional = useRegionalNumbersOrLocked();
  const { pack, advice } = props;
  const id = props.id ?? 'urgent';
  const cards = advice.cardIds.map((cid) => pack.cards.find((c) => c.id === cid)).filter((c) => c !== undefined);
  const routes = advice.helpRoutes
    .map((rid) => pack.helpRoutes.find((r) => r.id === rid))
    .filter((r) => r !== undefined);
  const regionalFor = (routeId: string) => REGIONAL_KEYS.find((k) => REGIONAL_ROUTE[k] === routeId);
  return (
    <section className="urgent-panel" aria-labelledby={`${id}-heading`} data-level={advice.level}>
      <h2 id={`${id}-heading`}>
        {props.heading ?? t(advice.level === 'emergency' ? 'emergencyHeading' : 'urgentHeading')}
      </h2>
      {advice.signals.length > 0 && (
        <ul className="plain-list urgent-signals" aria-label={t('signalsIntro')}>
          {advice.signals.map((s) => (
            <li key={s.id}>{s.label[language]}</li>
          ))}
        </ul>
      )}
      {cards.map((card) => (
        <div key={card.id} className="safety-card">
          <h3>{card.title[language]}</h3>
          <p>{card.body[language]}</p>
          {card.points && (
            <ul className="plain-list">
              {card.points.map((p) => (
                <li key={p.nl}>{p[language]}</li>
              ))}
            </ul>
          )}
          <Link to={`/cards/${pack.id}:${card.id}`}>{t('openCard')}</Link>
        </div>
      ))}
      <h3>{t('routesHeading')}</h3>
      <ul className="routes">
        {routes.map((r) => {
          const key = regionalFor(r.id);
          return (
            <li key={r.id}>
              <strong>{r.name[language]}</strong>: {r.offer[language]}
              {r.phones.length > 0 && (
                <span className="phones">
                  {r.phones.map((p) => (
                    <a key={p.number} className="phone" href={telHref(p.number)}>
                      {p.number} <span className="phone-label">({p.label[language]})</span>
                    </a>
                  ))}
                </span>
              )}
              {r.id === PROFESSIONALS_LINE && (
                <span className="phones">
                  <a href="https://www.113.nl" rel="noreferrer" target="_blank">
                    {t('professionalsLine')}
                  </a>
                </span>
              )}
              {key !== undefined && <RegionalNumber regional={regional} name={key} label={r.name[language]} />}
            </li>
          );
        })}
        <li>
          <strong>{t('region.crisisdienst')}</strong>
          <RegionalNumber regional={regional} name="crisisdienst" label={t('region.crisisdienst')} />
        </li>
      </ul>
      {props.children}
    </section>
  );
}

function RegionalNumber(props: {
  regional: RegionalNumbers | null | undefined | 'locked';
  name: (typeof REGIONAL_KEYS)[number];
  label: string;
}) {
  const t = useMessages(safetyMessages);
  const tHelp = useMessages(helpNowMessages);
  if (props.regional === undefined) return null;
  if (props.regional === 'locked') return <span className="phones regional-missing">{tHelp('regionalLocked')}</span>;
  const number = props.regional?.numbers[props.name] ?? '';
  if (number === '') {
    return (
      <span className="phones regional-missing">
        {t('regionalNotSet', { name: props.label.toLowerCase() })}. {t('regionalSetHint')}
      </span>
    );
  }
  return (
    <span className="phones">
      <a className="phone" href={telHref(number)}>
        {number} <span className="phone-label">({t('regionalHeading').toLowerCase()})</span>
      </a>
    </span>
  );
}
