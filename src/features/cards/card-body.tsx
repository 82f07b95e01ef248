import type { Card } from '../../domain';
import { useLanguage } from '../../i18n/define-messages';

/** The text of a card: body and points, as plain text. */
export function CardBody({ card }: { card: Card }) {
  const language = useLanguage();
  return (
    <>
      <p className="card-text">{card.body[language]}</p>
      {card.points && card.points.length > 0 && (
        <ul className="card-points">
          {card.points.map((point) => (
            <li key={point.nl}>{point[language]}</li>
          ))}
        </ul>
      )}
    </>
  );
}
