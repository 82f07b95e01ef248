import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { PageHeading } from '../../ui/page-heading';
import { cardsMessages } from './messages';
import { useChecklistEntry } from './use-checklist';
import './cards.css';

/**
 * A checklist as a conversation aid: tap a sign to tick it while talking. Deliberately no count and
 * no score (CONTENT.md §5): the ticks are not a measurement, and they are not stored.
 */
export function ChecklistPage() {
  const t = useMessages(cardsMessages);
  const language = useLanguage();
  const { checklistKey } = useParams();
  const entry = useChecklistEntry(checklistKey);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  if (entry === undefined) return <p className="screen-loading">{t('loading')}</p>;
  if (entry === null) {
    return (
      <section>
        <PageHeading>{t('checklistNotFound')}</PageHeading>
        <Link to="/cards">{t('back')}</Link>
      </section>
    );
  }
  const { checklist, pack } = entry;
  const toggle = (id: string) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sources = pack.sources.filter((s) => checklist.sources.includes(s.id));
  return (
    <article className="card-view checklist">
      <p className="card-kicker">
        {t('checklistKicker')} · {pack.title[language]}
      </p>
      <PageHeading>{checklist.title[language]}</PageHeading>
      <p className="lead">{checklist.purpose[language]}</p>
      <p className="hint">{t('checklistNoScore')}</p>
      {checklist.groups.map((group) => (
        <fieldset key={group.id} className="field">
          <legend>{group.label[language]}</legend>
          <div className="choice-column">
            {group.signs.map((sign, i) => {
              const id = `${group.id}-${i}`;
              return (
                <label key={id} className="choice">
                  <input type="checkbox" checked={ticked.has(id)} onChange={() => toggle(id)} />
                  {sign[language]}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      {ticked.size > 0 && (
        <p>
          <button type="button" className="button secondary" onClick={() => setTicked(new Set())}>
            {t('checklistClear')}
          </button>
        </p>
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
