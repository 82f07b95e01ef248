import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getDraft } from '../../db';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { clientWithDraft, EPDS_DRAFT, PHQ9_DRAFT } from './screening-test-helpers';

afterEach(cleanup);

describe('screening runner, full text (PHQ-9)', () => {
  it('shows one question per screen with its progress; a tap goes on by itself, the arrow keys choose and Enter goes on', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, PHQ9_DRAFT);
    const user = userEvent.setup();
    renderRoute(`/screening/${draft.id}`);
    expect(await screen.findByText('Vraag 1 van 10')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: /1\. .*weinig interesse/i });
    await user.click(within(group).getByRole('radio', { name: 'Helemaal niet' }));
    expect(await screen.findByText('Vraag 2 van 10')).toBeInTheDocument();
    const second = screen.getByRole('group', { name: /^2\. / });
    await user.click(within(second).getByRole('radio', { name: 'Helemaal niet' }));
    expect(await screen.findByText('Vraag 3 van 10')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    const back = await screen.findByRole('group', { name: /^2\. / });
    within(back).getByRole('radio', { name: 'Helemaal niet' }).focus();
    await user.keyboard('{ArrowDown}');
    // The arrow key chooses without going on.
    expect(within(back).getByRole('radio', { name: 'Meerdere dagen' })).toBeChecked();
    expect(screen.getByText('Vraag 2 van 10')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Vraag 3 van 10')).toBeInTheDocument();
    expect(
      screen
        .getAllByRole('group')
        .filter((g) => g.tagName === 'FIELDSET' && /^3\./.test(g.querySelector('legend')?.textContent ?? '')),
    ).toHaveLength(1);
  });

  it('shows the whole form when asked, every question its own fieldset', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, PHQ9_DRAFT);
    const user = userEvent.setup();
    renderRoute(`/screening/${draft.id}`);
    await user.click(await screen.findByRole('button', { name: 'Hele lijst' }));
    for (let n = 1; n <= 10; n++)
      expect(screen.getByRole('group', { name: new RegExp(`^${n}\\. `) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Klaar' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Nog niet beantwoord: vraag 1, 2, 3, 4, 5, 6, 7, 8, 9');
  });
});

describe('screening runner, score entry (EPDS)', () => {
  it('shows one item at a time, goes on by itself after a tap, and keeps the running total in view', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, EPDS_DRAFT);
    const user = userEvent.setup();
    renderRoute(`/screening/${draft.id}`);
    const first = await screen.findByRole('group', { name: /^1\. / });
    expect(screen.getAllByRole('group').filter((g) => g.tagName === 'FIELDSET')).toHaveLength(1);
    expect(screen.getByText('Totaal tot nu: 0 van 30 (0 vragen ingevuld)')).toBeInTheDocument();
    // Item 3 is reversed: its 1st printed answer scores 3.
    await user.click(within(first).getByRole('radio', { name: '3e' }));
    await user.click(within(await screen.findByRole('group', { name: /^2\. / })).getByRole('radio', { name: '1e' }));
    await user.click(within(await screen.findByRole('group', { name: /^3\. / })).getByRole('radio', { name: '1e' }));
    expect(await screen.findByText('Totaal tot nu: 5 van 30 (3 vragen ingevuld)')).toBeInTheDocument();
    expect(screen.getByText('Vraag 4 van 10')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(
      within(await screen.findByRole('group', { name: /^3\. / })).getByRole('radio', { name: '1e' }),
    ).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Controleren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Nog niet beantwoord: vraag 4, 5, 6, 7, 8, 9, 10');
    expect(await screen.findByRole('group', { name: /^4\. / })).toBeInTheDocument();
  });

  it('turns taps on printed positions into the engine total, reversed items included', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, EPDS_DRAFT);
    const user = userEvent.setup();
    const { router } = renderRoute(`/screening/${draft.id}`);
    expect(await screen.findByText(/Sleutel nog niet bevestigd/)).toBeInTheDocument();
    // Items 1, 2, 4 count 0–3 in printed order; 3 and 5–10 are reversed (1st printed = 3, 4th = 0).
    for (let n = 1; n <= 10; n++) {
      const group = await screen.findByRole('group', { name: new RegExp(`^${n}\\. `) });
      await user.click(within(group).getByRole('radio', { name: n <= 2 ? '2e' : n === 3 || n === 4 ? '1e' : '4e' }));
    }
    // After the last item the check list comes by itself.
    // Before the result: every item beside the answer as printed and its points, to check against the paper.
    const check = screen.getByRole('region', { name: 'Controleer met het papieren formulier' });
    const rows = within(check).getAllByRole('row').slice(1);
    // Row text: "n. topic", the printed answer, the points (items 3 and 5–10 reversed).
    const expected = ['2e1', '2e1', '1e3', '1e0', '4e0', '4e0', '4e0', '4e0', '4e0', '4e0'];
    expect(rows).toHaveLength(10);
    for (const [i, row] of rows.entries())
      expect(row.textContent).toMatch(new RegExp(`^${i + 1}\\. .*${expected[i]}$`));
    expect(router.state.location.pathname).toBe(`/screening/${draft.id}`);
    await user.click(within(check).getByRole('button', { name: 'Klopt, naar de uitslag' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/screening/${draft.id}/result`));
    // 1 + 1 + 3 (item 3, 1st printed) + 0 (item 4, 1st printed) + 0 × 6 = 5
    expect(await screen.findByText('totaal 5 van 30')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Score per vraag/ });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
  });

  it('resumes after unmount and remount with every answer', async () => {
    const session = await unlockedVault();
    const { draft } = await clientWithDraft(session, EPDS_DRAFT);
    const user = userEvent.setup();
    const first = renderRoute(`/screening/${draft.id}`);
    for (let n = 1; n <= 7; n++) {
      const group = await screen.findByRole('group', { name: new RegExp(`^${n}\\. `) });
      await user.click(within(group).getByRole('radio', { name: `${(n % 4) + 1}e` }));
    }
    // "Opgeslagen" shows only once the newest answer is stored (it clears on every change).
    expect(await screen.findByText('Opgeslagen')).toBeInTheDocument();
    first.unmount();
    const stored = await getDraft(session, draft.id);
    expect(Object.keys(stored?.data.answers ?? {})).toHaveLength(7);
    renderRoute(`/screening/${draft.id}`);
    // Resumed at the first open item, every earlier answer kept (back through "Vorige").
    const eighth = await screen.findByRole('group', { name: /^8\. / });
    expect(within(eighth).queryAllByRole('radio', { checked: true })).toHaveLength(0);
    expect(screen.getByText('Vraag 8 van 10')).toBeInTheDocument();
    for (let n = 7; n >= 1; n--) {
      await user.click(screen.getByRole('button', { name: 'Vorige' }));
      const group = await screen.findByRole('group', { name: new RegExp(`^${n}\\. `) });
      expect(within(group).getByRole('radio', { name: `${(n % 4) + 1}e` })).toBeChecked();
    }
  });
});
