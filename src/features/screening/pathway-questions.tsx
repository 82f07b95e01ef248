// The pathway's yes/no questions for the professional. Safety questions come first, with their
// reminder (e.g. the signs of a postpartum psychosis). They start unanswered and must be answered
// (CONTENT.md §4); a yes opens the urgent panel at once (`afterSafety`), before any further question.
// Routing questions are visible and start unanswered; at a follow-up the persistent ones (facts about
// the client) come pre-filled from the earlier screening and say so, to be confirmed or changed.
import type { ReactNode } from 'react';
import type { Pathway } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { screeningMessages } from './messages';
import { YesNo } from './yes-no';

export function PathwayQuestions(props: {
  pathway: Pathway;
  flags: Record<string, boolean>;
  /** One answer: the parent merges it into the answers it holds (never into a copy from this render). */
  onAnswer: (id: string, value: boolean) => void;
  /** Ids of answers carried forward from the earlier screening (persistent questions). */
  carried?: ReadonlySet<string>;
  /** Shown right after the safety questions: the urgent panel when one is answered yes. */
  afterSafety?: ReactNode;
}) {
  const t = useMessages(screeningMessages);
  const language = useLanguage();
  const safety = props.pathway.questions.filter((q) => q.effect.kind === 'safety');
  const routing = props.pathway.questions.filter((q) => q.effect.kind !== 'safety');
  const set = props.onAnswer;
  return (
    <>
      {safety.length > 0 && (
        <section aria-labelledby="safety-questions-heading" className="safety-questions">
          <h2 id="safety-questions-heading">{t('safetyQuestionsHeading')}</h2>
          {safety.map((q) => (
            <YesNo
              key={q.id}
              name={`q-${q.id}`}
              legend={q.question[language]}
              hint={q.reminder?.[language]}
              value={props.flags[q.id] ?? null}
              onChange={(v) => set(q.id, v)}
            />
          ))}
        </section>
      )}
      {props.afterSafety}
      {routing.length > 0 && (
        <section aria-labelledby="routing-questions-heading">
          <h2 id="routing-questions-heading">{t('routingQuestionsHeading')}</h2>
          {routing.map((q) => (
            <YesNo
              key={q.id}
              name={`q-${q.id}`}
              legend={q.question[language]}
              hint={props.carried?.has(q.id) === true ? t('carriedAnswer') : undefined}
              value={props.flags[q.id] ?? null}
              onChange={(v) => set(q.id, v)}
            />
          ))}
        </section>
      )}
    </>
  );
}
