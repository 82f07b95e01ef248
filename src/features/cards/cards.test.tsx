import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../app/session-store';
import { renderRoute } from '../../app/testing/render-route';
import { unlockedVault } from '../../app/testing/unlocked';

vi.setConfig({ testTimeout: 20_000 });

beforeEach(async () => {
  useSession.setState({ language: 'nl', clientMode: false });
  await unlockedVault();
});
afterEach(() => vi.restoreAllMocks());

const cardLinks = () => within(document.querySelector('.card-list') as HTMLElement).queryAllByRole('link');

describe('cards library', () => {
  it('lists every card of the active packs and narrows the list by pathway, kind, audience and special group', async () => {
    const { router } = renderRoute('/cards');
    await screen.findByText('55 kaarten gevonden');
    await userEvent.selectOptions(screen.getByLabelText('Route'), 'caregivers');
    expect(await screen.findByText('24 kaarten gevonden')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Bijzondere groep'), 'young-caregivers');
    expect(screen.getByText('3 kaarten gevonden')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Soort kaart'), 'tip');
    await userEvent.selectOptions(screen.getByLabelText('Voor wie'), 'person');
    expect(screen.getByText('1 kaart gevonden')).toBeInTheDocument();
    expect(cardLinks().map((l) => l.textContent)).toEqual([expect.stringContaining('Zorg jij thuis voor iemand?')]);
    expect(router.state.location.search).toBe('?pathway=caregivers&group=young-caregivers&kind=tip&audience=person');
  });

  it('keeps the filters in the URL, so going back restores the previous filter', async () => {
    const { router } = renderRoute('/cards?pathway=postpartum');
    expect(await screen.findByText('16 kaarten gevonden')).toBeInTheDocument();
    expect(screen.getByLabelText('Route')).toHaveValue('postpartum');
    await userEvent.selectOptions(screen.getByLabelText('Voor wie'), 'relative');
    expect(await screen.findByText('2 kaarten gevonden')).toBeInTheDocument();
    await router.navigate(-1);
    expect(await screen.findByText('16 kaarten gevonden')).toBeInTheDocument();
    expect(screen.getByLabelText('Voor wie')).toHaveValue('');
  });

  it('searches in Dutch ignoring case and diacritics ("een op de tien" finds "Eén op de tien")', async () => {
    renderRoute('/cards');
    await screen.findByText('55 kaarten gevonden');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken in kaarten' }), 'EEN OP DE TIEN');
    expect(await screen.findByText('1 kaart gevonden')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Eén op de tien is zwaar belast/ })).toBeInTheDocument();
  });

  it('says so when nothing matches, and "Filters wissen" shows every card again', async () => {
    renderRoute('/cards?q=xyzzy');
    expect(await screen.findByText(/Geen kaarten gevonden/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    expect(await screen.findByText('55 kaarten gevonden')).toBeInTheDocument();
  });
});

describe('card view', () => {
  it('shows title, text and help routes with what they offer; offline the website is replaced by a note', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderRoute('/cards/caregivers:cg-psych-tip');
    expect(await screen.findByRole('heading', { level: 1, name: 'Steun voor naasten' })).toBeInTheDocument();
    const help = screen.getByRole('region', { name: 'Hulp en informatie' });
    expect(within(help).getByRole('heading', { name: /MIND Korrelatie/ })).toBeInTheDocument();
    expect(within(help).queryAllByRole('link', { name: /Website van/ })).toHaveLength(0);
    expect(within(help).getAllByText('Link werkt als je weer online bent').length).toBeGreaterThan(0);
  });

  it('online, a help route website opens in a new tab with rel="noopener noreferrer"', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderRoute('/cards/postpartum:pp-safety-self-harm');
    await screen.findByRole('heading', { level: 1, name: /Gedachten aan de dood/ });
    const link = screen.getByRole('link', { name: /Website van 113 Zelfmoordpreventie/ });
    expect(link).toHaveAttribute('href', 'https://www.113.nl');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getAllByRole('link', { name: 'Bel 113' })[0]).toHaveAttribute('href', 'tel:113');
  });

  it('an unknown card says it was not found', async () => {
    renderRoute('/cards/onbekend');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kaart niet gevonden' })).toBeInTheDocument();
  });
});

describe('show to client', () => {
  it('"Laat zien aan cliënt" opens the card full-screen without navigation; Escape closes it', async () => {
    const { router } = renderRoute('/cards/postpartum:pp-tip-small-steps');
    await userEvent.click(await screen.findByRole('link', { name: 'Laat zien aan cliënt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kleine dingen die helpen' });
    expect(within(dialog).getByRole('button', { name: 'Sluiten' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kleine dingen die helpen' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/cards/postpartum%3App-tip-small-steps');
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeInTheDocument();
  });

  it('the close button goes back to the card', async () => {
    renderRoute('/cards/postpartum:pp-tip-small-steps/show');
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    expect(await screen.findByRole('link', { name: 'Laat zien aan cliënt' })).toBeInTheDocument();
  });
});
