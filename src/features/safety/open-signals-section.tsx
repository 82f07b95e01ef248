// Vandaag opens with every open safety signal, marked "actie nog niet vastgelegd", until an action is
// recorded (R46): also after leaving the result by the tab bar, a lock or a closed tab.
import { Link } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { formatDate } from '../clients/dates';
import { safetyMessages } from './messages';
import { useOpenSignals } from './use-safety-signals';
import './safety.css';

export function OpenSignalsSection() {
  const t = useMessages(safetyMessages);
  const language = useLanguage();
  const open = useOpenSignals();
  if (open === undefined || (open.items.length === 0 && open.damaged === 0)) return null;
  return (
    <section aria-labelledby="home-safety" className="open-signals">
      <h2 id="home-safety">{t('openTitle')}</h2>
      <p>{t('openIntro')}</p>
      <ul className="home-list">
        {open.items.map(({ record, alias }) => (
          <li key={record.id}>
            <Link className="home-card" to={`/safety/${encodeURIComponent(record.id)}`}>
              <span className="home-card-title">{alias ?? t('openAnonymous')}</span>
              <span>{record.data.signal.label[language]}</span>
              <span className="overdue">
                {t('openNotRecorded')} · {t('signalDetected', { date: formatDate(record.createdAt, language) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {open.damaged > 0 && <p className="warning-box">{open.damaged}</p>}
    </section>
  );
}
