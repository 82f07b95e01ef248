// The region's A4 page: every pathway's tables after suppression ("<5", "x"), months or quarters
// only, no client codes. Printing it is an audit event (export-print).
import { Link, useSearchParams } from 'react-router';
import type { Granularity } from '../../domain';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useActivePacks } from '../../runtime/content/use-content';
import { useVault } from '../../runtime/vault/runtime-context';
import { PageHeading } from '../../ui/page-heading';
import { logExport } from '../audit/log-events';
import { useProfilePathways } from '../screening/use-profile-pathways';
import { CountsTable } from './counts-table';
import { exportSections } from './export-model';
import './indicators.css';
import { periodLabel } from './labels';
import { indicatorMessages } from './messages';
import { ownPathwaysFirst } from './own-first';
import { useIndicators } from './use-indicators';

export function IndicatorsPrintPage() {
  const t = useMessages(indicatorMessages);
  const language = useLanguage();
  const vault = useVault();
  const packs = useActivePacks();
  const [params] = useSearchParams();
  const granularity: Granularity = params.get('per') === 'quarter' ? 'quarter' : 'month';
  const state = useIndicators(granularity);
  const profilePathways = useProfilePathways();
  if (state.status === 'failed') return <p className="warning-box">{t('failed')}</p>;
  if (state.status === 'loading' || packs === undefined) return <p className="screen-loading">{t('loading')}</p>;
  const sections = exportSections(ownPathwaysFirst(state.indicators, profilePathways), packs, language);
  const month = periodLabel(state.indicators.periods.at(-1)?.slice(0, 7) ?? '', language);
  const print = () => {
    void logExport(vault.db, 'print', null);
    window.print();
  };
  let pathway = '';
  return (
    <article className="indicators-print">
      <PageHeading>{t('printTitle')}</PageHeading>
      <p className="lead">{t('printMade', { month })}</p>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={print}>
          {t('printNow')}
        </button>
        <Link className="button secondary" to="/settings/indicators">
          {t('back')}
        </Link>
      </div>
      {sections.map((s) => {
        const first = s.pathway !== pathway;
        pathway = s.pathway;
        return (
          <section key={`${s.pathway}-${s.tableId}`} className="indicator-print-section">
            {first && <h2>{s.pathway}</h2>}
            <CountsTable
              caption={`${s.pathway} · ${s.title}`}
              categoryHeader={t('category')}
              totalHeader={t('total')}
              periods={s.periods}
              rows={s.rows}
              totals={s.totals}
            />
          </section>
        );
      })}
    </article>
  );
}
