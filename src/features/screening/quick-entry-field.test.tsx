// Issue 18: score entry from the keyboard. Items 1–9 of the EPDS as a row of digits (the printed
// position marked on the paper), item 10 (self-harm) always on its own, tapped; then the check list.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getDraft } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { clientWithDraft, EPDS_DRAFT } from './screening-test-helpers';

afterEach(cleanup);

const quickField = () => screen.getByLabelText('Snel invoeren: typ vraag 1–9 achter elkaar');

describe('EPDS score entry by a row of digits', () => {
  it('nine digits fill items 1–9 and the running total; item 10 then shows on its own, focused, and is tapped', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, EPDS_DRAFT);
    const user = userEvent.setup();
    renderRoute(`/screening/${draft.id}`);
    await screen.findByRole('group', { name: /^1\. / });
    expect(quickField()).toHaveAccessibleDescription(/Vraag 10 tik je daarna zelf aan/);
    await user.type(quickField(), '321414444');
    // 2 + 1 + 3 + 3 (item 4, 4th printed) + 3 (item 5 reversed, 1st printed) + 0 × 4 = 12
    expect(await screen.findByText('Totaal tot nu: 12 van 30 (9 vragen ingevuld)')).toBeInTheDocument();
    const ten = await screen.findByRole('group', { name: /^10\. / });
    await waitFor(() => expect(ten).toHaveFocus());
    expect(
      within(ten)
        .getAllByRole('radio')
        .every((r) => !(r as HTMLInputElement).checked),
    ).toBe(true);
    await user.click(within(ten).getByRole('radio', { name: '4e' }));
    const check = await screen.findByRole('region', { name: 'Controleer met het papieren formulier' });
    expect(within(check).getAllByRole('row')).toHaveLength(11);
    await waitFor(async () =>
      expect((await getDraft(session, draft.id))?.data.answers).toEqual({
        'epds-1': 2,
        'epds-2': 1,
        'epds-3': 0,
        'epds-4': 3,
        'epds-5': 0,
        'epds-6': 3,
        'epds-7': 3,
        'epds-8': 3,
        'epds-9': 3,
        'epds-10': 3,
      }),
    );
  });

  it('a digit that is no printed answer is named at the field and fills nothing from there on', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, EPDS_DRAFT);
    const user = userEvent.setup();
    renderRoute(`/screening/${draft.id}`);
    await screen.findByRole('group', { name: /^1\. / });
    await user.type(quickField(), '217');
    expect(quickField()).toHaveAccessibleDescription(
      /Teken 3 \("7"\) is geen antwoord: typ per vraag 1 tot en met 4\./,
    );
    expect(quickField()).toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText('Totaal tot nu: 1 van 30 (2 vragen ingevuld)')).toBeInTheDocument();
    // Still on item 1: nothing moved on.
    expect(screen.getByRole('group', { name: /^1\. / })).toBeInTheDocument();
  });

  it('a tenth digit never answers item 10 (self-harm): typed, it lands nowhere; pasted, it is refused', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, EPDS_DRAFT);
    const user = userEvent.setup();
    const first = renderRoute(`/screening/${draft.id}`);
    await screen.findByRole('group', { name: /^1\. / });
    await user.type(quickField(), '2222222221');
    const ten = await screen.findByRole('group', { name: /^10\. / });
    expect(
      within(ten)
        .getAllByRole('radio')
        .every((r) => !(r as HTMLInputElement).checked),
    ).toBe(true);
    first.unmount();

    const other = await clientWithDraft(session, EPDS_DRAFT);
    renderRoute(`/screening/${other.draft.id}`);
    await screen.findByRole('group', { name: /^1\. / });
    await user.click(quickField());
    await user.paste('2222222221');
    expect(quickField()).toHaveAccessibleDescription(/Er zijn maar 9 vragen om zo te typen/);
    expect(screen.getByRole('group', { name: /^1\. / })).toBeInTheDocument();
    await waitFor(async () => expect((await getDraft(session, other.draft.id))?.data.answers?.['epds-9']).toBe(1));
    expect((await getDraft(session, other.draft.id))?.data.answers?.['epds-10']).toBeUndefined();
    expect((await getDraft(session, draft.id))?.data.answers?.['epds-10']).toBeUndefined();
  });
});
