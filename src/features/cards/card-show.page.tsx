import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useSession } from '../../runtime/session-store';
import { registerUpdateGuard } from '../../runtime/update/update-guards';
import { PageHeading } from '../../ui/page-heading';
import { CardBody } from './card-body';
import { cardsMessages } from './messages';
import { useCardEntry } from './use-cards';
import './cards.css';

/**
 * "Laat zien aan cliënt": the card full-screen in large text. A modal <dialog> makes the rest of the
 * app (navigation included) inert for pointer, keyboard and screen reader; Escape or the close button
 * goes back to the card. While it shows, no update reload may happen (the device is in a client's hands).
 */
export function CardShowPage() {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const { cardId } = useParams();
  const entry = useCardEntry(cardId);
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const backTo = `/cards/${encodeURIComponent(cardId ?? '')}`;

  const setClientMode = useSession((s) => s.setClientMode);
  useEffect(() => registerUpdateGuard({ blocks: () => true }), []);
  useEffect(() => {
    setClientMode(true); // the shell hides its navigation and lock button while a client holds the device
    return () => setClientMode(false);
  }, [setClientMode]);

  const ready = entry !== undefined;
  useEffect(() => {
    const el = dialog.current;
    if (!ready || !el || el.open) return;
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', ''); // jsdom has no showModal
  }, [ready]);

  const close = () => navigate(backTo, { replace: true });

  if (entry === undefined) return <p className="screen-loading">{t('loading')}</p>;
  return (
    <dialog
      ref={dialog}
      className="card-show"
      aria-labelledby="card-show-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="card-show-bar">
        <button type="button" className="button secondary card-show-close" onClick={close}>
          {t('close')}
        </button>
      </div>
      <div id="card-show-title">
        <PageHeading>{entry === null ? t('notFound') : entry.card.title[language]}</PageHeading>
      </div>
      {entry !== null && <CardBody card={entry.card} />}
    </dialog>
  );
}
