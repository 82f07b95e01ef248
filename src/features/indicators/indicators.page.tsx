// "Praktijkcijfers": what the programme monitors, per month or quarter and per pathway, computed on
// the device. Every chart has its table beside it; the export for the region is suppressed.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { followUpFunnel, type Granularity, type IndicatorTable, PATHWAY_IDS, type PathwayId } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { logExport } from '../audit/log-events';
import { downloadText } from '../clients/download';
import { useProfilePathways } from '../screening/use-profile-pathways';
import { CountsTable } from './counts-table';
import { exportCsv, exportSections, screenRows } from './export-model';
import { FollowUpFunnel } from './funnel';
import './indicators.css';
import { periodLabel, rowLabel } from './labels';
import { indicatorMessages } from './messages';
import { ownPathwaysFirst } from './own-first';
import { StepBars } from './step-bars';
import { useIndicators } from './use-indicators';

export function IndicatorsPage() {
  const t = useMessages(indicatorMessages);
  const language = useLanguage();
  const vault = useVault();
  const packs = useActivePacks();
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [pathwayId, setPathwayId] = useState<PathwayId | null>(null);
  const [saved, setSaved] = useState(false);
  const state = useIndicators(granularity);
  const uid = useId();
  const profilePathways = useProfilePathways();

  const body = (() => {
    if (state.status === 'failed') return <p className="warning-box">{t('failed')}</p>;
    if (state.status === 'loading' || packs === undefined) return <p className="screen-loading">{t('loading')}</p>;
    const indicators = ownPathwaysFirst(state.indicators, profilePathways);
    const chosen = indicators.pathways.find((p) => p.pathwayId === pathwayId) ?? indicators.pathways[0];
    const pack = packs.find((p) => p.id === chosen?.pathwayId);
    if (!chosen || !pack) return null;
    const periods = indicators.periods.map((p) => periodLabel(p, language));
    const section = (table: IndicatorTable) => {
      const { rows, totals } = screenRows(pack, table, language);
      const headingId = `${uid}-${table.id}`;
      return (
        <section key={table.id} className="indicator-section" aria-labelledby={headingId}>
          <h2 id={headingId}>{t(`table.${table.id}`)}</h2>
          <p className="indicator-note">{t(`note.${table.id}`)}</p>
          {table.id === 'steps' && (
            <StepBars
              id={`${uid}-bars`.replaceAll(':', '')}
              table={table}
              periods={periods}
              labels={table.rows.map((r) => rowLabel(pack, 'steps', r.key, language))}
              description={t('stepChart')}
              legendTitle={t('legend')}
            />
          )}
          {table.id === 'follow-ups' &&
            (() => {
              const f = followUpFunnel(table);
              return (
                <FollowUpFunnel
                  description={t('funnelChart')}
                  stages={[
                    { label: t('funnel.planned'), count: f.due },
                    { label: t('funnel.screened'), count: f.screened },
                    { label: t('funnel.onTime'), count: f.onTime },
                  ]}
                />
              );
            })()}
          <CountsTable
            caption={t(`table.${table.id}`)}
            categoryHeader={t('category')}
            totalHeader={t('total')}
            periods={periods}
            rows={rows}
            totals={totals}
          />
        </section>
      );
    };
    const downloadCsv = () => {
      const csv = exportCsv(exportSections(indicators, packs, language), language);
      const month = indicators.periods.at(-1)?.slice(0, 7) ?? '';
      downloadText(`praktijkcijfers-${granularity}-${month}.csv`, csv, 'text/csv;charset=utf-8');
      setSaved(true);
      void logExport(vault.db, 'csv', null);
    };
    return (
      <>
        {state.damaged > 0 && <p className="warning-box">{t('damaged', { count: state.damaged })}</p>}
        <div className="indicator-controls">
          <label>
            {t('pathway')}
            <select
              value={chosen.pathwayId}
              onChange={(e) => setPathwayId(PATHWAY_IDS.find((id) => id === e.target.value) ?? null)}
            >
              {indicators.pathways.map((p) => (
                <option key={p.pathwayId} value={p.pathwayId}>
                  {packs.find((k) => k.id === p.pathwayId)?.pathway.name[language] ?? p.pathwayId}
                </option>
              ))}
            </select>
          </label>
        </div>
        {chosen.tables.map(section)}
        <section className="indicator-section" aria-labelledby={`${uid}-export`}>
          <h2 id={`${uid}-export`}>{t('export')}</h2>
          <p>{t('exportIntro')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={downloadCsv}>
              {t('csv')}
            </button>
            <Link className="button secondary" to={`/settings/indicators/print?per=${granularity}`}>
              {t('print')}
            </Link>
          </div>
          {saved && (
            <p className="form-message" role="status">
              {t('csvSaved')}
            </p>
          )}
        </section>
      </>
    );
  })();

  return (
    <section className="indicators">
      <PageHeading>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <fieldset className="indicator-granularity">
        <legend>{t('period')}</legend>
        {(['month', 'quarter'] as const).map((g) => (
          <label key={g}>
            <input type="radio" name="granularity" checked={granularity === g} onChange={() => setGranularity(g)} />
            {t(g === 'month' ? 'perMonth' : 'perQuarter')}
          </label>
        ))}
      </fieldset>
      {body}
    </section>
  );
}
