import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { unlockedVault } from '../../runtime/testing/unlocked';

vi.setConfig({ testTimeout: 20_000 });

beforeEach(async () => {
  useSession.setState({ clientMode: false });
  setLanguage('nl');
  await unlockedVault();
});
afterEach(() => vi.restoreAllMocks());

const cardLinks = () => within(document.querySelector('.card-list') as HTMLElement).queryAllByRole('link');

describe('cards library', () => {
  it('lists every card of the active packs and narrows the list by pathway, kind, audience and special group', async () => {
    const { router } = renderRoute('/cards');
    await screen.findByText('70 kaarten gevonden');
    await userEvent.selectOptions(screen.getByLabelText('Route'), 'caregivers');
    expect(await screen.findByText('39 kaarten gevonden')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Bijzondere groep'), 'young-caregivers');
    expect(screen.getByText('6 kaarten gevonden')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Soort kaart'), 'tip');
    await userEvent.selectOptions(screen.getByLabelText('Voor wie'), 'person');
    expect(screen.getByText('1 kaart gevonden')).toBeInTheDocument();
    expect(cardLinks().map((l) => l.textContent)).toEqual([expect.stringContaining('Zorgt u thuis voor iemand?')]);
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
    await screen.findByText('70 kaarten gevonden');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken in kaarten' }), 'EEN OP DE TIEN');
    expect(await screen.findByText('1 kaart gevonden')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Eén op de tien is zwaar belast/ })).toBeInTheDocument();
  });

  it('says so when nothing matches, and "Filters wissen" shows every card again', async () => {
    renderRoute('/cards?q=xyzzy');
    expect(await screen.findByText(/Geen kaarten gevonden/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    expect(await screen.findByText('70 kaarten gevonden')).toBeInTheDocument();
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

  it('marks a card drawn by inference as a proposal, and a verified card as following its sources', async () => {
    renderRoute('/cards/caregivers:cg-psych-tip');
    await screen.findByRole('heading', { level: 1, name: 'Steun voor naasten' });
    expect(screen.getByRole('note')).toHaveTextContent('Dit is een eigen afleiding uit de bronnen, een voorstel');
    expect(screen.getByRole('note')).toHaveClass('warning-box');
  });

  it('a verified card says it follows its sources and is not marked as a proposal', async () => {
    renderRoute('/cards/caregivers:cg-psych-signs');
    await screen.findByRole('heading', { level: 1, name: 'Zorgen voor iemand met psychische problemen' });
    expect(screen.getByRole('note')).toHaveTextContent('Deze kaart volgt wat de bronnen zeggen.');
    expect(screen.queryByText(/een voorstel/)).toBeNull();
  });

  it('a card that mentions the overload checklist links to it', async () => {
    const { router } = renderRoute('/cards/caregivers:cg-sig-overload');
    await userEvent.click(await screen.findByRole('link', { name: 'Checklist: Signalen van overbelasting' }));
    expect(await screen.findByRole('checkbox', { name: 'Voortdurend tijdsdruk' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/cards/checklists/caregivers%3Aoverload-signals');
  });

  it('an unknown card says it was not found', async () => {
    renderRoute('/cards/onbekend');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kaart niet gevonden' })).toBeInTheDocument();
  });
});

describe('overload checklist', () => {
  it('ticks and unticks a sign on tap and shows no score or count', async () => {
    renderRoute('/cards/checklists/caregivers:overload-signals');
    await screen.findByRole('heading', { level: 1, name: 'Signalen van overbelasting' });
    const sign = screen.getByRole('checkbox', { name: 'Voortdurend tijdsdruk' });
    await userEvent.click(sign);
    expect(sign).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Lusteloos of somber' }));
    expect(document.body.textContent).not.toMatch(/aangevinkt|\d+\s*(van|punten?)\b|score\s*\d/i);
    await userEvent.click(sign);
    expect(sign).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Alle vinkjes weghalen' }));
    expect(screen.getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(0);
  });

  it('is reached from the card library of the caregivers pathway', async () => {
    renderRoute('/cards?pathway=caregivers');
    const aids = await screen.findByRole('region', { name: 'Gespreksleidraden' });
    await userEvent.click(within(aids).getByRole('link', { name: 'Signalen van overbelasting' }));
    expect(await screen.findByRole('checkbox', { name: 'Voortdurend tijdsdruk' })).toBeInTheDocument();
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
