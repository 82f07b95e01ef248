// Handover summary (PRODUCT 8): safety first (red flags, the action taken and its explanation), the
// latest screening (date, context, score, band, trend and the change since last time), the step by its
// name and reasons, plan, follow-up and the professional's note — nothing more. Print (A4, black and
// white; the browser's "Save as PDF"), Web Share (text only) where available, copy as text, with the
// line to share only through a secure channel; each is logged as an export (R38).
import './handover.css';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { PathwayId } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePack } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { logExport, logView } from '../audit/log-events';
import { type HandoverDetails, handoverDetails } from './handover-details';
import { handoverText, stepReasons } from './handover-text';
import { handoverMessages } from './messages';
import { type HandoverSummary, useHandover } from './use-handover';

function List({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plan lines are plain text without ids; order is fixed
            <li key={i}>{item}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}

export function HandoverPage() {
  const vault = useVault();
  const { clientId = '' } = useParams();
  const t = useMessages(handoverMessages);
  const language = useLanguage();
  const summary = useHandover(clientId);
  const pack = useActivePack(summary?.screening?.data.pathwayId as PathwayId | undefined);
  const [status, setStatus] = useState<string>('');
  const logged = useRef<string | null>(null);

  useEffect(() => {
    if (!summary || logged.current === clientId) return;
    logged.current = clientId;
    void logView(vault.db, clientId);
  }, [vault, summary, clientId]);

  if (summary === undefined) return <p role="status">{t('loading')}</p>;
  if (summary === null) {
    return (
      <section>
        <PageHeading>{t('title')}</PageHeading>
        <p>{t('notFound')}</p>
      </section>
    );
  }

  const tt = t as (k: string, v?: Record<string, string | number>) => string;
  const details = handoverDetails(summary, pack, tt, language);
  const text = () => handoverText(summary, details, tt, language);

  async function print() {
    await logExport(vault.db, 'print', clientId);
    window.print();
  }
  async function share() {
    try {
      await navigator.share({ title: t('title'), text: text() });
      await logExport(vault.db, 'share', clientId);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setStatus(t('shareFailed'));
    }
  }
  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      await logExport(vault.db, 'copy', clientId);
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  }

  return (
    <section className="handover narrow">
      <PageHeading>
        {t('title')}: {summary.client.data.alias}
      </PageHeading>
      <p className="lead">{t('intro')}</p>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={print}>
          {t('print')}
        </button>
        {typeof navigator.share === 'function' && (
          <button type="button" className="button secondary" onClick={share}>
            {t('share')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={copy}>
          {t('copy')}
        </button>
      </div>
      <p className="secure-channel no-print">{t('secureChannel')}</p>
      <p className="form-message no-print" role="status">
        {status}
      </p>
      <Body summary={summary} details={details} />
    </section>
  );
}

function Body({ summary: s, details: d }: { summary: HandoverSummary; details: HandoverDetails }) {
  const t = useMessages(handoverMessages);
  const language = useLanguage();
  const score = s.screening?.data.outcome.score;
  const plan = s.plan?.data;
  const flags = score?.redFlags ?? [];
  return (
    <>
      {(d.safetyAction !== null || flags.length > 0) && (
        <section aria-labelledby="ho-safety" className="ho-safety">
          <h2 id="ho-safety">{t('safety')}</h2>
          {flags.length > 0 && (
            <>
              <h3>{t('redFlags')}</h3>
              <ul>
                {flags.map((f) => (
                  <li key={f.ruleId}>{f.label[language]}</li>
                ))}
              </ul>
            </>
          )}
          {d.safetyAction !== null && <p>{t('actionTaken', { action: d.safetyAction })}</p>}
          {d.safetyNote !== null && <p className="pre-wrap">{t('safetyNote', { note: d.safetyNote })}</p>}
        </section>
      )}
      <section aria-labelledby="ho-screening">
        <h2 id="ho-screening">{t('screening')}</h2>
        {s.screening && score ? (
          <>
            {d.screeningDate !== null && <p>{t('date', { date: d.screeningDate })}</p>}
            {d.context !== null && <p>{t('context', { context: d.context })}</p>}
            <p>{t('score', { instrument: score.instrumentId.toUpperCase(), total: score.total })}</p>
            <p>{t('band', { band: score.band.label[language] })}</p>
            {d.trend !== null && <p>{t('trend', { instrument: score.instrumentId.toUpperCase(), trend: d.trend })}</p>}
            {d.change !== null && <p>{t('change', { change: d.change })}</p>}
            {flags.length === 0 && <p>{t('noRedFlags')}</p>}
          </>
        ) : (
          <p>{t('noScreening')}</p>
        )}
      </section>
      {s.decision && d.stepName !== null && (
        <section aria-labelledby="ho-step">
          <h2 id="ho-step">{t('step')}</h2>
          <p>
            <strong>{d.stepName}</strong>
          </p>
          {s.decision.data.overrideReason && <p>{t('override', { reason: s.decision.data.overrideReason })}</p>}
          <h3>{t('reasons')}</h3>
          <ul>
            {stepReasons(s).map((r) => (
              <li key={r.ruleId}>{r.label[language]}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="ho-plan">
        <h2 id="ho-plan">{t('plan')}</h2>
        {plan ? (
          <dl>
            <List label={t('warningSigns')} items={plan.warningSigns.map((w) => w.text)} />
            <List label={t('triggers')} items={plan.triggers} />
            <List label={t('whatIDo')} items={plan.whatIDo} />
            <List label={t('whatOthersDo')} items={plan.whatOthersDo} />
            <List
              label={t('whomToCall')}
              items={plan.whomToCall.map((w) => (w.phone ? `${w.name} (${w.phone})` : w.name))}
            />
          </dl>
        ) : (
          <p>{t('noPlan')}</p>
        )}
      </section>
      <section aria-labelledby="ho-follow">
        <h2 id="ho-follow">{t('followUp')}</h2>
        <p>{d.followUpDate !== null ? t('followUpOn', { date: d.followUpDate }) : t('noFollowUp')}</p>
      </section>
      {s.note && (
        <section aria-labelledby="ho-note">
          <h2 id="ho-note">{t('note')}</h2>
          <p className="pre-wrap">{s.note.data.text}</p>
        </section>
      )}
    </>
  );
}
