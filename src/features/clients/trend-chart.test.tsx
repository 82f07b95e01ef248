import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { VaultSession } from '../../db';
import type { Instrument } from '../../domain';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { packOf, seedClient, seedScreening } from './testing/seed';
import { TrendChart } from './trend-chart';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 10);

function bandRects(container: HTMLElement) {
  return [...container.querySelectorAll('[data-band]')].map((g) => {
    const rect = g.querySelector('rect');
    return {
      id: g.getAttribute('data-band'),
      y: Number(rect?.getAttribute('y')),
      h: Number(rect?.getAttribute('height')),
    };
  });
}

describe('Trend chart', () => {
  let session: VaultSession;
  beforeEach(async () => {
    session = await unlockedVault();
  });

  it('draws the bands of the instrument definition in the pack, not hard-coded cut-offs', async () => {
    const pack = await packOf('postpartum');
    const epds = pack.instruments.find((i) => i.id === 'epds') as Instrument;
    const points = [
      { at: T0, total: 14, bandLabel: 'hoog' },
      { at: T0 + 14 * DAY, total: 11, bandLabel: 'verhoogd' },
    ];
    const { container, unmount } = render(
      <TrendChart instrument={epds} points={points} source={{ packTitle: 'P', version: '1' }} />,
    );
    const packBands = bandRects(container);
    expect(packBands.map((b) => b.id)).toEqual(epds.bands.map((b) => b.id));
    unmount();

    // The same chart over an instrument whose pack moved a cut-off draws the boundary elsewhere.
    const moved: Instrument = {
      ...epds,
      bands: epds.bands.map((b) => (b.id === 'raised' ? { ...b, max: 14 } : b.id === 'high' ? { ...b, min: 15 } : b)),
    };
    const { container: other } = render(
      <TrendChart instrument={moved} points={points} source={{ packTitle: 'P', version: '2' }} />,
    );
    const movedBands = bandRects(other);
    const raised = (bands: typeof packBands) => bands.find((b) => b.id === 'raised');
    expect(raised(movedBands)?.h).toBeGreaterThan(raised(packBands)?.h ?? 0);
    expect(within(other).getByText('15')).toBeInTheDocument(); // the new boundary is labelled
  });

  it('is an image with a summary and has a table with every value for screen readers', async () => {
    const pack = await packOf('postpartum');
    const epds = pack.instruments.find((i) => i.id === 'epds') as Instrument;
    render(
      <TrendChart
        instrument={epds}
        points={[
          { at: T0 + 14 * DAY, total: 11, bandLabel: 'verhoogd' },
          { at: T0, total: 14, bandLabel: 'hoog' },
        ]}
        source={{ packTitle: 'P', version: '1' }}
      />,
    );
    const img = screen.getByRole('img');
    expect(img).toHaveAccessibleName(
      /EPDS.*2 metingen\. Eerste 14 op 5 januari 2026, laatste 11 op 19 januari 2026 \(verhoogd\)/,
    );
    const table = screen.getByRole('table', { name: /Scores/ });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['5 januari 202614hoog', '19 januari 202611verhoogd']);
  });

  it('shows one chart per instrument on the client page, with screenings on the timeline', async () => {
    const client = await seedClient(session, 'Moeder T');
    await seedScreening(session, {
      clientId: client.id,
      pathwayId: 'postpartum',
      instrumentId: 'epds',
      position: 2,
      at: T0,
      context: { phase: 'postpartum', weeks: 6 },
    });
    await seedScreening(session, {
      clientId: client.id,
      pathwayId: 'postpartum',
      instrumentId: 'epds',
      position: 1,
      at: T0 + 14 * DAY,
      context: { phase: 'postpartum', weeks: 8 },
    });
    await seedScreening(session, {
      clientId: client.id,
      pathwayId: 'relapse-prevention',
      instrumentId: 'phq-9',
      position: 1,
      at: T0 + 20 * DAY,
    });
    renderRoute(`/clients/${client.id}`);
    const trends = await screen.findByRole('region', { name: 'Verloop van de scores' });
    expect(await within(trends).findAllByRole('img')).toHaveLength(2);
    const timeline = screen.getByRole('region', { name: 'Tijdlijn' });
    const items = within(timeline).getAllByRole('article');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(/PHQ-9/);
    expect(items[2]).toHaveTextContent(/EPDS/);
    expect(items[2]).toHaveTextContent(/Totaal/);
    expect(items[2]).toHaveTextContent(/Stap \d:/);
  });
});
