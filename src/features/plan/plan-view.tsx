// A plan version as read-only text: used in the print view and for earlier versions.
import type { PlanTemplate } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { messages } from './messages';
import type { PlanContent } from './plan-model';

function sectionLabel(template: PlanTemplate, id: string, language: 'nl' | 'en'): string {
  return template.sections.find((s) => s.id === id)?.label[language] ?? id;
}

export function PlanView({ plan, template, level }: { plan: PlanContent; template: PlanTemplate; level: 2 | 3 }) {
  const t = useMessages(messages);
  const language = useLanguage();
  const H = level === 2 ? 'h2' : 'h3';
  const list = (items: string[]) =>
    items.length === 0 ? (
      <p>{t('emptySection')}</p>
    ) : (
      <ul>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: plain text lines without identity
          <li key={i}>{item}</li>
        ))}
      </ul>
    );
  const category = (id: string | null) =>
    id === null ? null : (template.warningSignCategories.find((c) => c.id === id)?.label[language] ?? id);
  return (
    <div className="plan-view">
      <H>{sectionLabel(template, 'warning-signs', language)}</H>
      {list(plan.warningSigns.map((s) => [category(s.category), s.text].filter(Boolean).join(': ')))}
      <H>{sectionLabel(template, 'triggers', language)}</H>
      {list(plan.triggers)}
      <H>{sectionLabel(template, 'what-i-do', language)}</H>
      {list(plan.whatIDo)}
      <H>{sectionLabel(template, 'what-others-do', language)}</H>
      {list(plan.whatOthersDo)}
      <H>{sectionLabel(template, 'whom-to-call', language)}</H>
      {list(plan.whomToCall.map((c) => (c.phone ? `${c.name} — ${c.phone}` : c.name)))}
    </div>
  );
}
