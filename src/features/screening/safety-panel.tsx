// The safety path, shown before anything else: the pack's safety card(s), the urgent routes with the
// numbers exactly as the pack gives them, and the action the professional took (required before saving;
// "assessed: no acute danger" needs a note).

import type { ContentPack, SafetyLevel } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { CharCount } from '../../ui/char-count';
import { TEXT_LIMITS } from '../../ui/text-limits';
import { screeningMessages } from './messages';
import { SourceList } from './source-list';

export interface SafetyChoice {
  action: string | null;
  note: string;
}

export function SafetyPanel(props: {
  pack: ContentPack;
  level: SafetyLevel;
  reasons: readonly string[];
  value: SafetyChoice;
  onChange: (v: SafetyChoice) => void;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const { pack } = props;
  const kinds = props.level === 'emergency' ? ['emergency', 'safety'] : ['safety'];
  const cards = pack.cards.filter((c) => kinds.includes(c.kind) && c.pathway === pack.id);
  const routes = pack.pathway.safety.helpRoutes
    .map((id) => pack.helpRoutes.find((r) => r.id === id))
    .filter((r) => r !== undefined);
  const chosen = pack.pathway.safety.actions.find((a) => a.id === props.value.action);
  return (
    <section className="safety" aria-labelledby="safety-heading">
      <h2 id="safety-heading">{t(props.level === 'emergency' ? 'safetyEmergency' : 'safetyUrgent')}</h2>
      <ul className="plain-list">
        {props.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {cards.map((card) => (
        <div key={card.id} className="safety-card">
          <h3>{card.title[language]}</h3>
          <p>{card.body[language]}</p>
          {card.points && (
            <ul className="plain-list">
              {card.points.map((p) => (
                <li key={p.nl}>{p[language]}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <h3>{t('safetyRoutes')}</h3>
      <ul className="routes">
        {routes.map((r) => (
          <li key={r.id}>
            <strong>{r.name[language]}</strong>: {r.offer[language]}
            {r.phones.length > 0 && (
              <span className="phones">
                {r.phones.map((p) => (
                  <a key={p.number} className="phone" href={`tel:${p.number.replace(/[^0-9+]/g, '')}`}>
                    {p.number} <span className="phone-label">({p.label[language]})</span>
                  </a>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      <SourceList pack={pack} ids={pack.pathway.safety.sources} />
      <fieldset className="field">
        <legend>{t('safetyActionLegend')}</legend>
        <div className="choice-column">
          {pack.pathway.safety.actions.map((a) => (
            <label key={a.id} className="choice">
              <input
                type="radio"
                name="safety-action"
                checked={props.value.action === a.id}
                onChange={() => props.onChange({ ...props.value, action: a.id })}
              />
              {a.label[language]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="text-field">
        <label htmlFor="safety-note">{chosen?.requiresNote ? t('safetyNoteRequired') : t('safetyNote')}</label>
        <textarea
          maxLength={TEXT_LIMITS.reason}
          aria-describedby="safety-note-count"
          id="safety-note"
          rows={3}
          autoComplete="off"
          value={props.value.note}
          onChange={(e) => props.onChange({ ...props.value, note: e.target.value })}
        />
        <CharCount id="safety-note-count" value={props.value.note} kind="reason" />
      </div>
    </section>
  );
}
