import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { clientWithDraft, EPDS_DRAFT, EPDS_ELEVEN } from './screening-test-helpers';

afterEach(cleanup);

describe('errors at their field on the result page', () => {
  it('an override without a step or reason: focus on the step choice, each problem described on its field', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, { ...EPDS_DRAFT, answers: EPDS_ELEVEN });
    renderRoute(`/screening/${draft.id}/result`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Een andere stap kiezen' }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const steps = screen.getByRole('group', { name: 'Andere stap' });
    expect(steps).toHaveAccessibleDescription('Kies de andere stap.');
    expect(within(steps).getAllByRole('radio')[0]).toHaveFocus();
    expect(screen.getByLabelText(/Reden voor de andere stap/)).toHaveAccessibleDescription(
      expect.stringContaining('Geef een reden voor de andere stap.'),
    );
  });
});

describe('"Over deze uitslag"', () => {
  it('keeps the content version and the licence note in a closed fold', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, { ...EPDS_DRAFT, answers: EPDS_ELEVEN });
    renderRoute(`/screening/${draft.id}/result`);
    const summary = await screen.findByText('Over deze uitslag');
    const fold = summary.closest('details');
    expect(fold).not.toHaveAttribute('open');
    expect(fold).toHaveTextContent(/Uitslaggrenzen en stappen uit de inhoud .*, versie \d+\.\d+\.\d+\./);
  });
});
