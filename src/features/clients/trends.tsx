// One trend chart per instrument the client was screened with. The bands come from the instrument
// as defined in the pack version of the most recent screening with it.
import { useLanguage } from '../../i18n/define-messages';
import { TrendChart, type TrendPoint } from './trend-chart';
import { type ClientHistory, packKeyOf } from './use-clients';

export function Trends({ history }: { history: ClientHistory }) {
  const language = useLanguage();
  const byInstrument = new Map<string, typeof history.screenings>();
  for (const s of history.screenings) {
    if (s.status !== 'completed') continue;
    byInstrument.set(s.instrumentId, [...(byInstrument.get(s.instrumentId) ?? []), s]);
  }
  return (
    <div className="trend-list">
      {[...byInstrument].map(([instrumentId, screenings]) => {
        const latest = screenings.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
        const pack = history.packs.get(packKeyOf(latest));
        const instrument = pack?.instruments.find((i) => i.id === instrumentId);
        if (!pack || !instrument) return null;
        const points: TrendPoint[] = screenings.map((s) => ({
          at: s.createdAt,
          total: s.data.outcome.score.total,
          bandLabel: s.data.outcome.score.band.label[language],
        }));
        return (
          <TrendChart
            key={instrumentId}
            instrument={instrument}
            points={points}
            source={{ packTitle: pack.title[language], version: pack.contentVersion }}
          />
        );
      })}
    </div>
  );
}
