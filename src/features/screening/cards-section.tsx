// Cards to show or hand over for this pathway: tip cards for the person and relatives, and for steps
// from 1 on the professional's own tip cards. Special-group cards are found through the card browser.
import { Link } from 'react-router';
import type { ContentPack, Step } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';

export function CardsSection({ pack, step }: { pack: ContentPack; step: Step | 'safety' }) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const cards = pack.cards.filter(
    (c) =>
      c.specialGroup === undefined &&
      c.kind === 'tip' &&
      (c.audience !== 'professional' || step === 'safety' || step >= 1),
  );
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
