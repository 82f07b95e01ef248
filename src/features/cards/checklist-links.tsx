import { Link } from 'react-router';
import type { ContentPack } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { cardsMessages } from './messages';
import { checklistPath } from './use-checklist';

/** Links to the conversation aids (checklists) of the given packs; nothing when they have none. */
export function ChecklistLinks({ packs }: { packs: readonly ContentPack[] }) {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const lists = packs.flatMap((pack) => pack.checklists.map((checklist) => ({ pack, checklist })));
  if (lists.length === 0) return null;
  return (
    <section aria-labelledby="checklists-heading">
      <h2 id="checklists-heading">{t('checklistsHeading')}</h2>
      <ul className="card-links">
        {lists.map(({ pack, checklist }) => (
          <li key={`${pack.id}:${checklist.id}`}>
            <Link to={checklistPath(pack.id, checklist.id)}>{checklist.title[language]}</Link>{' '}
            <span className="hint">({checklist.purpose[language]})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
