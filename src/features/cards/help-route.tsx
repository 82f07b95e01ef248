import type { HelpRoute } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { cardsMessages } from './messages';
import { useOnline } from './use-online';

/**
 * A help route: name and offer always (readable offline), phone numbers as tel: links (a call needs
 * no internet), and the website only while online — offline a note replaces it, never a dead link.
 */
export function HelpRouteItem({ route }: { route: HelpRoute }) {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const online = useOnline();
  const name = route.name[language];
  return (
    <li className="help-route">
      <h3>{name}</h3>
      <p>{route.offer[language]}</p>
      {route.local && <p className="hint">{t('local')}</p>}
      {route.phones.length > 0 && (
        <ul className="help-phones">
          {route.phones.map((phone) => (
            <li key={phone.number}>
              <a href={`tel:${phone.number.replace(/[^0-9+]/g, '')}`}>{t('phone', { number: phone.number })}</a>
              {' — '}
              {phone.label[language]}
            </li>
          ))}
        </ul>
      )}
      {route.url?.startsWith('https://') &&
        (online ? (
          <p>
            <a href={route.url} target="_blank" rel="noopener noreferrer">
              {t('website', { name })} <span className="hint-inline">{t('newTab')}</span>
            </a>
          </p>
        ) : (
          <p className="hint">{t('offlineLink')}</p>
        ))}
    </li>
  );
}
