import type { ContentPack, DecisionAidOutcome } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { SourceList } from './source-list';

/** Every matching decision-aid row with its options (rows extend each other; none is dropped). */
export function DecisionAidRows({ pack, aid }: { pack: ContentPack; aid: DecisionAidOutcome }) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  return (
    <div className="aid" aria-live="polite">
      <h3>{t('aidHeading')}</h3>
      {aid.rows.length === 0 && <p className="hint">{t('aidNone')}</p>}
      {aid.rows.map((row) => (
        <div key={row.rowId} className="aid-row">
          <p className="aid-situation">{row.situation[language]}</p>
          <ul className="plain-list">
            {row.options.map((o) => (
              <li key={o.nl}>{o[language]}</li>
            ))}
          </ul>
          <SourceList pack={pack} ids={row.sources} />
        </div>
      ))}
    </div>
  );
}
