import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { completeFollowUp, createClient, createFollowUp, saveDraft, type VaultSession } from '../../db';
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
});
