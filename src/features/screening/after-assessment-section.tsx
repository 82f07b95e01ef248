// On the safety path, the underlying step's actions: after the safety assessment, never mixed into the
// urgent panel (CONTENT.md §4).
import type { ContentPack, Step, Text } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { stepName } from './recommendation-section';

export function AfterAssessmentSection(props: { pack: ContentPack; step: Step; actions: readonly Text[] }) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  return (
    <section aria-labelledby="after-assessment-heading">
      <h2 id="after-assessment-heading">{t('afterAssessmentHeading')}</h2>
      <p className="hint">{t('underlyingStep', { step: stepName(props.pack, props.step, language) })}</p>
      <ul className="plain-list">
        {props.actions.map((a) => (
          <li key={a.nl}>{a[language]}</li>
        ))}
      </ul>
    </section>
  );
}
