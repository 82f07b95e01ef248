import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLanguage, useLanguageStore } from '../i18n/language';
import { persistLanguage } from '../runtime/language-persistence';
import { renderRoute } from '../runtime/testing/render-route';
import { unlockedVault } from '../runtime/testing/unlocked';

beforeEach(async () => {
  localStorage.clear();
  setLanguage('nl');
  await unlockedVault();
});

describe('routing', () => {
  it.each([
    ['/', 'Vandaag'],
    ['/screening', 'Screening'],
    ['/clients', 'Cliënten'],
    ['/cards', 'Kaarten'],
    ['/settings', 'Instellingen'],
    ['/iets-anders', 'Pagina niet gevonden'],
  ])('%s shows the heading "%s" inside the main landmark', async (path, heading) => {
    renderRoute(path);
    const main = await screen.findByRole('main');
    expect(await within(main).findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
  });

  it('marks the current page in the navigation', async () => {
    renderRoute('/cards');
    await screen.findByRole('heading', { level: 1, name: 'Kaarten' });
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Kaarten' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Vandaag' })).not.toHaveAttribute('aria-current');
  });

  it('moves between screens through the navigation and focuses the new heading', async () => {
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    await userEvent.click(screen.getByRole('link', { name: 'Instellingen' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Instellingen' });
    expect(heading).toHaveFocus();
  });
});

describe('language switch', () => {
  it('switches the whole shell to English and remembers the choice on this device', async () => {
    const stopPersisting = persistLanguage(); // as main.tsx does at start
    renderRoute('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Instellingen' });
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Today' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(JSON.parse(localStorage.getItem('stapwijzer.preferences') ?? '{}').state.language).toBe('en');
    stopPersisting();
  });

  it('restores the language stored on an earlier visit', () => {
    localStorage.setItem('stapwijzer.preferences', JSON.stringify({ state: { language: 'en' }, version: 0 }));
    persistLanguage()();
    expect(useLanguageStore.getState().language).toBe('en');
  });

  it('starts in Dutch when nothing was chosen', async () => {
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vandaag' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
  });
});
