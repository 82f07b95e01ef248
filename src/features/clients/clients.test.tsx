import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  completeScreening,
  createClient,
  createFollowUp,
  listClients,
  listNotes,
  readCaseload,
  StorageError,
  type VaultSession,
} from '../../db';
import { decisionData, followUpData, screeningData } from '../../db/testing/payloads';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { saveErrorMessage } from './storage-messages';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('Clients', () => {
  let session: VaultSession;
  beforeEach(async () => {
    session = await unlockedVault();
  });

  it('a large caseload shows the first 100 matches and the rest on request', async () => {
    for (let i = 0; i < 130; i++) await createClient(session, { alias: `Cliënt ${String(i).padStart(3, '0')}` });
    const user = userEvent.setup();
    renderRoute('/clients');
    await screen.findByRole('link', { name: 'Cliënt 000' });
    const list = within(screen.getByRole('main')).getAllByRole('list').at(-1) ?? document.body;
    expect(within(list).getAllByRole('link')).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Toon alle 130 cliënten' }));
    expect(within(list).getAllByRole('link')).toHaveLength(130);
  });

  it('search ignores case and diacritics, on alias and code', async () => {
    await createClient(session, { alias: 'Zoë B' });
    await createClient(session, { alias: 'Anna', code: 'JGZ-0412' });
    await createClient(session, { alias: 'Ölaf' });
    const user = userEvent.setup();
    renderRoute('/clients');
    await screen.findByRole('link', { name: /Anna/ });
    const search = screen.getByRole('searchbox', { name: 'Zoek op bijnaam of code' });
    await user.type(search, 'ZOE');
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: /Zoë B|Anna|Ölaf/ }).map((l) => l.textContent)).toEqual(['Zoë B']),
    );
    await user.clear(search);
    await user.type(search, 'olaf');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Ölaf' })).toBeInTheDocument());
    await user.clear(search);
    await user.type(search, 'jgz-04');
    await waitFor(() => expect(screen.getByRole('link', { name: /Anna/ })).toBeInTheDocument());
    expect(screen.queryByRole('link', { name: 'Ölaf' })).toBeNull();
    await user.clear(search);
    await user.type(search, 'niemand');
    expect(await screen.findByText('Geen cliënt gevonden voor “niemand”.')).toBeInTheDocument();
  });

  it('each row shows the last score, the step and the next date from the caseload index, not from the records', async () => {
    const anna = await createClient(session, { alias: 'Anna' });
    await createClient(session, { alias: 'Bob' });
    await completeScreening(
      session,
      {
        screening: {
          clientId: anna.id,
          packId: 'postpartum',
          packVersion: '1.0.0',
          instrumentId: 'epds',
          instrumentVersion: '1987',
          data: screeningData({}),
        },
        decision: { pathwayId: 'postpartum', data: decisionData() },
      },
      Date.parse('2026-03-03T10:00:00'),
    );
    await createFollowUp(
      session,
      { clientId: anna.id, pathwayId: 'postpartum', dueDate: '2099-04-14' },
      followUpData(),
    );
    await readCaseload(session, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    const opened = vi.spyOn(session, 'open');
    renderRoute('/clients');
    const link = await screen.findByRole('link', { name: 'Anna' });
    const row = link.closest('li') ?? document.body;
    expect(row).toHaveTextContent('Stap 1');
    expect(row).toHaveTextContent('Laatste score EPDS 11, 3 maart 2026');
    expect(row).toHaveTextContent('Vervolg 14 april 2099');
    const bob = screen.getByRole('link', { name: 'Bob' }).closest('li') ?? document.body;
    expect(bob).toHaveTextContent('Nog geen screening');
    expect(bob).toHaveTextContent('Geen vervolg gepland');
    const tables = new Set(opened.mock.calls.map(([table]) => table));
    for (const t of ['clients', 'screenings', 'decisions', 'followUps', 'safetyEvents']) {
      expect(tables.has(t as never), t).toBe(false);
    }
  });

  it('shows a plain-Dutch empty state', async () => {
    renderRoute('/clients');
    expect(await screen.findByText(/Nog geen cliënten/)).toBeInTheDocument();
  });

  it('creates a client with only an alias; the hint says no name is needed; "Opgeslagen" only after saving', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/clients/new');
    const alias = await screen.findByRole('textbox', { name: 'Bijnaam of code' });
    expect(alias).toHaveAccessibleDescription(/Een naam is niet nodig/);
    expect(alias).toHaveAttribute('autocomplete', 'off');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Vul een bijnaam of code in.')).toBeInTheDocument();
    expect((await listClients(session)).records).toHaveLength(0);
    await user.type(alias, 'Moeder A');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Moeder A' })).toBeInTheDocument();
    const [stored] = (await listClients(session)).records;
    expect(stored?.data).toEqual({ alias: 'Moeder A' });
    expect(router.state.location.pathname).toBe(`/clients/${stored?.id}`);
  });

  it('edits and archives a client', async () => {
    const client = await createClient(session, { alias: 'Oud' });
    const user = userEvent.setup();
    renderRoute(`/clients/${client.id}`);
    await user.click(await screen.findByRole('button', { name: 'Gegevens wijzigen' }));
    const alias = screen.getByRole('textbox', { name: 'Bijnaam of code' });
    await user.clear(alias);
    await user.type(alias, 'Nieuw');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuw' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Archiveren' }));
    expect(await screen.findByText(/^Deze cliënt is gearchiveerd/)).toBeInTheDocument();
    expect((await listClients(session, 'archived')).records.map((c) => c.data.alias)).toEqual(['Nieuw']);
  });

  it('renders notes as text, never as HTML, and edits and deletes them', async () => {
    const client = await createClient(session, { alias: 'A' });
    const user = userEvent.setup();
    const { container } = renderRoute(`/clients/${client.id}`);
    const payload = '<img src=x onerror="window.__xss=1"><b>vet</b>';
    const field = await screen.findByRole('textbox', { name: 'Nieuwe notitie' });
    await user.type(field, payload.replaceAll('{', '{{').replaceAll('[', '[['));
    await user.click(screen.getByRole('button', { name: 'Notitie opslaan' }));
    expect(await screen.findByText(payload)).toBeInTheDocument();
    expect(await screen.findAllByText('Opgeslagen')).not.toHaveLength(0);
    expect(container.querySelector('img, b')).toBeNull();
    expect(field).toHaveValue('');

    const timeline = screen.getByRole('region', { name: 'Tijdlijn' });
    await user.click(within(timeline).getByRole('button', { name: 'Wijzigen' }));
    const edit = within(timeline).getByRole('textbox', { name: 'Notitie wijzigen' });
    await user.clear(edit);
    await user.type(edit, 'gewoon tekst');
    await user.click(within(timeline).getByRole('button', { name: 'Opslaan' }));
    expect(await within(timeline).findByText('gewoon tekst')).toBeInTheDocument();
    await user.click(await within(timeline).findByRole('button', { name: 'Verwijderen' }));
    await user.click(within(timeline).getByRole('button', { name: 'Ja, verwijderen' }));
    await waitFor(() => expect(within(timeline).queryByText('gewoon tekst')).toBeNull());
    expect((await listNotes(session, client.id)).records).toHaveLength(0);
  });

  it('maps a full disk to the Dutch quota message', () => {
    expect(saveErrorMessage(new StorageError('quota'), 'nl')).toBe(
      'Onvoldoende opslagruimte op dit apparaat. Maak ruimte vrij of maak een back-up en verwijder oude gegevens.',
    );
  });

  describe('on an iPhone outside the installed app (R11)', () => {
    const original = Object.getOwnPropertyDescriptor(window.navigator, 'userAgent');
    beforeEach(() => {
      Object.defineProperty(window.navigator, 'userAgent', { value: IPHONE, configurable: true });
    });
    afterEach(() => {
      if (original) Object.defineProperty(window.navigator, 'userAgent', original);
      else Reflect.deleteProperty(window.navigator, 'userAgent');
    });

    it('blocks creating a client and shows install instructions', async () => {
      renderRoute('/clients/new');
      expect(
        await screen.findByRole('heading', { name: 'Installeer Stapwijzer eerst op je beginscherm' }),
      ).toBeInTheDocument();
      expect(screen.getByText(/Zet op beginscherm/)).toBeInTheDocument();
      expect(screen.queryByRole('textbox', { name: 'Bijnaam of code' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Opslaan' })).toBeNull();
    });
  });
});
