// On a client's page, above everything else: her open safety signals, "actie nog niet vastgelegd",
// so a result left without an action is never shown as "nothing recorded" (R46).
import { Link } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { formatDate } from '../clients/dates';
import { safetyMessages } from './messages';
import { useOpenSignals } from './use-safety-signals';
import './safety.css';

export function ClientOpenSignals({ clientId }: { clientId: string }) {
  const t = useMessages(safetyMessages);
  const language = useLanguage();
  const open = useOpenSignals()?.items.filter((i) => i.record.clientId === clientId) ?? [];
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="client-safety" className="open-signals">
      <h2 id="client-safety">{t('openTitle')}</h2>
      <ul className="home-list">
        {open.map(({ record }) => (
          <li key={record.id}>
            <Link className="home-card" to={`/safety/${encodeURIComponent(record.id)}`}>
              <span className="home-card-title">{record.data.signal.label[language]}</span>
              <span className="overdue">
                {t('openNotRecorded')} · {t('signalDetected', { date: formatDate(record.createdAt, language) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
