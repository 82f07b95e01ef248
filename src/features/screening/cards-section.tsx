// Cards to show or hand over with this result: the ones the engine returned for the proposed or chosen
// step (which card serves which step is content, CONTENT.md §4a). Special-group cards are found through
// the card browser.
import { Link } from 'react-router';
import type { ContentPack } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

export function CardsSection({ pack, cardIds }: { pack: ContentPack; cardIds: readonly string[] }) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const cards = cardIds.flatMap((id) => pack.cards.filter((c) => c.id === id));
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="cards-heading">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      <ul className="card-links">
        {cards.map((c) => (
          <li key={c.id}>
            <Link to={`/cards/${encodeURIComponent(`${pack.id}:${c.id}`)}`}>{c.title[language]}</Link>{' '}
            <span className="hint">({t(`audience.${c.audience}`)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
