import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  completeFollowUp,
  completeScreening,
  createClient,
  createFollowUp,
  readCaseload,
  recordSafetySignal,
  saveDraft,
  type VaultSession,
} from '../../db';
import { decisionData, screeningData } from '../../db/testing/payloads';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { localDate } from '../clients/dates';

const DAY = 86_400_000;
const followUpData = { step: 1 as const, instrumentId: 'epds', screeningId: 'none' };

describe('Vandaag (home)', () => {
  let session: VaultSession;
  beforeEach(async () => {
    session = await unlockedVault();
  });

  it('lists follow-ups due today and overdue with alias, pathway and date, each opening the follow-up screening', async () => {
    const anna = await createClient(session, { alias: 'Moeder A' });
    const bob = await createClient(session, { alias: 'Mantelzorger B' });
    const carla = await createClient(session, { alias: 'Later C' });
    const today = await createFollowUp(
      session,
      { clientId: anna.id, pathwayId: 'postpartum', dueDate: localDate() },
      followUpData,
    );
    const late = await createFollowUp(
      session,
      { clientId: bob.id, pathwayId: 'caregivers', dueDate: localDate(new Date(Date.now() - 3 * DAY)) },
      followUpData,
    );
    await createFollowUp(
      session,
      { clientId: carla.id, pathwayId: 'postpartum', dueDate: localDate(new Date(Date.now() + 2 * DAY)) },
      followUpData,
    );
    const done = await createFollowUp(
      session,
      { clientId: carla.id, pathwayId: 'postpartum', dueDate: localDate() },
      followUpData,
    );
    await completeFollowUp(session, done);

    // Every text the page shows on the way, to prove the pathway id never stands in for its title.
    const shown: string[] = [];
    const observer = new MutationObserver(() => shown.push(document.body.textContent ?? ''));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    renderRoute('/');
    const section = await screen.findByRole('region', { name: 'Vervolgcontacten' });
    // Wait for what the professional reads: the alias followed by the pathway's title (never its id).
    // The title comes from the content, which is re-hashed before use (R41).
    const todayLink = await within(section).findByRole('link', { name: /^Moeder A\s*Zwangerschap en na de bevalling/ });
    expect(todayLink).toHaveAttribute('href', `/screening?followUp=${today.id}`);
    expect(todayLink).not.toHaveTextContent('postpartum');
    expect(todayLink).toHaveTextContent('vandaag');
    const lateLink = within(section).getByRole('link', { name: /^Mantelzorger B\s*Mantelzorgers/ });
    expect(lateLink).toHaveAttribute('href', `/screening?followUp=${late.id}`);
    expect(lateLink).toHaveTextContent(/te laat, gepland op/);
    expect(lateLink).toHaveTextContent(/mantelzorg/i);
    // Overdue first (oldest due date first); future and done follow-ups are not listed.
    expect(
      within(section)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toHaveLength(2);
    expect(within(section).getAllByRole('link')[0]).toBe(lateLink);
    expect(within(section).queryByText(/Later C/)).toBeNull();
    observer.disconnect();
    expect(shown.filter((text) => /Moeder A\s*postpartum|Mantelzorger B\s*caregivers/.test(text))).toEqual([]);
  });

  it('lists unfinished screenings to resume', async () => {
    const anna = await createClient(session, { alias: 'Moeder A' });
    const draft = await saveDraft(session, {
      clientId: anna.id,
      data: { pathwayId: 'postpartum', answers: { e1: 0, e2: 1 } },
    });
    const anonymous = await saveDraft(session, { clientId: null, data: { pathwayId: 'caregivers' } });
    renderRoute('/');
    const section = await screen.findByRole('region', { name: 'Onafgemaakte screenings' });
    const link = await within(section).findByRole('link', { name: /^Moeder A\s*Zwangerschap en na de bevalling/ });
    expect(link).toHaveAttribute('href', `/screening/${draft.id}`);
    expect(link).toHaveTextContent('2 antwoorden');
    expect(within(section).getByRole('link', { name: /Zonder cliënt/ })).toHaveAttribute(
      'href',
      `/screening/${anonymous.id}`,
    );
  });

  it('says so in plain Dutch when nothing is due and nothing is unfinished', async () => {
    renderRoute('/');
    expect(await screen.findByText('Er staan vandaag geen vervolgcontacten gepland.')).toBeInTheDocument();
    expect(await screen.findByText('Er zijn geen onafgemaakte screenings.')).toBeInTheDocument();
  });

  it('offers a screening per pathway of the profile’s roles and a quick anonymous one that saves nothing', async () => {
    await unlockedVault({ roles: ['mantelzorgondersteuner'], initials: 'MZ' });
    renderRoute('/');
    const section = await screen.findByRole('region', { name: 'Nieuwe screening' });
    await within(section).findByRole('link', { name: /mantelzorg/i });
    const links = within(section).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/screening?pathway=caregivers', '/screening?quick=1']);
    expect(within(section).getByRole('link', { name: 'Snelle anonieme screening' })).toHaveAccessibleDescription(
      /Bewaart niets/,
    );
  });

  it('is a caseload read from the index: overdue and today, then this week, each with its step and an open safety signal', async () => {
    const anna = await createClient(session, { alias: 'Moeder A' });
    const bob = await createClient(session, { alias: 'Moeder B' });
    const week = await createClient(session, { alias: 'Moeder W' });
    const later = await createClient(session, { alias: 'Moeder L' });
    const screening = {
      clientId: anna.id,
      packId: 'postpartum',
      packVersion: '1.0.0',
      instrumentId: 'epds',
      instrumentVersion: '1987',
      data: screeningData({}),
    };
    await completeScreening(session, {
      screening,
      decision: { pathwayId: 'postpartum', data: { ...decisionData(), chosen: 2 } },
      followUp: { pathwayId: 'postpartum', dueDate: localDate(new Date(Date.now() - 2 * DAY)), data: followUpData },
    });
    await recordSafetySignal(
      session,
      { signalId: 'sig-b', clientId: bob.id },
      {
        kind: 'signal',
        pathwayId: 'postpartum',
        signal: { id: 'epds-10', kind: 'red-flag', level: 'emergency', label: { nl: 'x', en: 'x' } },
        draftId: null,
        at: new Date().toISOString(),
      },
    );
    const due = (clientId: string, days: number) =>
      createFollowUp(
        session,
        { clientId, pathwayId: 'postpartum', dueDate: localDate(new Date(Date.now() + days * DAY)) },
        followUpData,
      );
    await due(bob.id, 0);
    await due(week.id, 3);
    await due(later.id, 20);
    await readCaseload(session, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });

    // Vandaag decrypts the index, not the records. (The safety path's open-signals section reads its
    // events and names their clients: Moeder B's record only.)
    const opened = vi.spyOn(session, 'open');
    renderRoute('/');
    const now = await screen.findByRole('region', { name: 'Vervolgcontacten' });
    const annaLink = await within(now).findByRole('link', { name: /^Moeder A/ });
    expect(annaLink).toHaveTextContent(/te laat, gepland op/);
    expect(annaLink).toHaveTextContent('Stap 2');
    const bobLink = within(now).getByRole('link', { name: /^Moeder B/ });
    expect(bobLink).toHaveTextContent('vandaag');
    expect(bobLink).toHaveTextContent('Spoed: veiligheidssignaal open');
    expect(within(now).getAllByRole('link')).toEqual([annaLink, bobLink]);
    const thisWeek = screen.getByRole('region', { name: 'Deze week' });
    expect(
      within(thisWeek)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([expect.stringMatching(/^Moeder W.*gepland op/)]);
    expect(screen.queryByText(/Moeder L/)).toBeNull();
    const tables = new Set(opened.mock.calls.map(([table]) => table));
    for (const t of ['screenings', 'decisions', 'followUps']) expect(tables.has(t as never), t).toBe(false);
    const clientRows = opened.mock.calls.filter(([table]) => table === 'clients').map(([, row]) => row.id);
    expect(new Set(clientRows)).toEqual(new Set([bob.id]));
  });
});
