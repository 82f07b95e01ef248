import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { clientWithDraft, EPDS_DRAFT } from './screening-test-helpers';

afterEach(cleanup);

// Four "Ja" (position 3 of Nee! · Nee · Min of meer · Ja · Ja!), the rest "Nee": moderate burden.
const EDIZ_FOUR = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`ediz-${i + 1}`, i < 4 ? 3 : 1]));

describe('caregivers result', () => {
  it('links to the overload checklist, which opens as its own screen', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, {
      pathwayId: 'caregivers',
      instrumentId: 'ediz-plus',
      answers: EDIZ_FOUR,
      context: { phase: 'none' },
      flags: { 'acute-crisis': false },
      position: 0,
    });
    const { router } = renderRoute(`/screening/${draft.id}/result`);
    const aids = await screen.findByRole('region', { name: 'Gespreksleidraden' });
    await userEvent.click(within(aids).getByRole('link', { name: 'Signalen van overbelasting' }));
    expect(await screen.findByRole('checkbox', { name: 'Voortdurend tijdsdruk' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/cards/checklists/caregivers%3Aoverload-signals');
  });

  it('a card linked from the result opens that card (its key names the pack)', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, {
      pathwayId: 'caregivers',
      instrumentId: 'ediz-plus',
      answers: EDIZ_FOUR,
      context: { phase: 'none' },
      flags: { 'acute-crisis': false },
      position: 0,
    });
    renderRoute(`/screening/${draft.id}/result`);
    const cards = await screen.findByRole('region', { name: 'Kaarten om te laten zien of mee te geven' });
    await userEvent.click(within(cards).getByRole('link', { name: 'Zorg delen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Zorg delen' })).toBeInTheDocument();
  });

  it('a postpartum result has no conversation-aid section (its pack has no checklist)', async () => {
    const session = await unlockedVault();
    const answers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`epds-${i + 1}`, [0, 1, 3].includes(i) ? 0 : 3]),
    );
    const { draft } = await clientWithDraft(session, { ...EPDS_DRAFT, answers });
    renderRoute(`/screening/${draft.id}/result`);
    await screen.findByRole('heading', { level: 1, name: 'Uitslag' });
    expect(screen.queryByRole('region', { name: 'Gespreksleidraden' })).toBeNull();
  });
});
