import { Link, useParams } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { PageHeading } from '../../ui/page-heading';
import { CardBody } from './card-body';
import { HelpRouteItem } from './help-route';
import { cardsMessages } from './messages';
import { useCardEntry } from './use-cards';
import { checklistPath } from './use-checklist';
import './cards.css';

/** One card: its text, its help routes (readable offline) and the way to show it to the client. */
export function CardPage() {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const { cardId } = useParams();
  const entry = useCardEntry(cardId);

  if (entry === undefined) return <p className="screen-loading">{t('loading')}</p>;
  if (entry === null) {
    return (
      <section>
        <PageHeading>{t('notFound')}</PageHeading>
        <p>{t('notFoundText')}</p>
        <Link to="/cards">{t('back')}</Link>
      </section>
    );
  }
  const { card, pack, helpRoutes, key } = entry;
  const sources = pack.sources.filter((s) => card.sources.includes(s.id));
  return (
    <article className="card-view">
      <p className="card-kicker">
        {t(`kind.${card.kind}`)} · {t(`audience.${card.audience}`)} · {pack.title[language]}
        {card.specialGroup && ` · ${t(`group.${card.specialGroup}`)}`}
      </p>
      <PageHeading>{card.title[language]}</PageHeading>
      <CardBody card={card} />
      <p className="button-row">
        <Link className="button" to={`/cards/${encodeURIComponent(key)}/show`}>
          {t('show')}
        </Link>
      </p>
      <p className={card.certainty === 'verified' ? 'hint' : 'warning-box'} role="note">
        {t(`certainty.${card.certainty}`)}
      </p>
      {(card.checklists ?? []).flatMap((id) => {
        const checklist = pack.checklists.find((c) => c.id === id);
        return checklist === undefined
          ? []
          : [
              <p key={id}>
                <Link to={checklistPath(pack.id, id)}>{t('checklistLink', { title: checklist.title[language] })}</Link>
              </p>,
            ];
      })}
      {helpRoutes.length > 0 && (
        <section aria-labelledby="help-routes-heading">
          <h2 id="help-routes-heading">{t('helpRoutes')}</h2>
          <ul className="help-routes">
            {helpRoutes.map((route) => (
              <HelpRouteItem key={route.id} route={route} />
            ))}
          </ul>
        </section>
      )}
      {sources.length > 0 && (
        <details className="card-sources">
          <summary>{t('sources')}</summary>
          <ul>
            {sources.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <Link to="/cards">{t('back')}</Link>
      </p>
    </article>
  );
}
