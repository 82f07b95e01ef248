// Issue 18: on a phone the card filters fold under "Filters (n actief)" so the cards come first; on a
// wide screen they stand open. A native <details>: its summary is a keyboard control and is announced
// expanded or collapsed.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledPack } from '../../content/testing';
import { CardFiltersForm } from './card-filters-form';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const packs = [bundledPack('postpartum'), bundledPack('caregivers')];
const none = { pathway: null, kind: null, audience: null, group: null, q: '' };

function screenWidth(wide: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: wide && query === '(min-width: 768px)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

const fold = () => document.querySelector('details.card-filter-fold');

describe('the card filters', () => {
  it('on a phone: folded, the summary counting the active filters (the search box stays out)', () => {
    screenWidth(false);
    render(
      <CardFiltersForm
        filters={{ ...none, pathway: 'caregivers', group: 'young-caregivers', q: 'jonge' }}
        packs={packs}
        onChange={() => {}}
        onClear={() => {}}
      />,
    );
    expect(screen.getByText('Filters (2 actief)').tagName).toBe('SUMMARY');
    expect(fold()).not.toHaveAttribute('open');
    expect(screen.getByRole('searchbox', { name: 'Zoeken in kaarten' }).closest('details')).toBeNull();
    expect(screen.getByLabelText('Route').closest('details')).toBe(fold());
  });

  it('with no filter chosen the summary says just "Filters"; a tap on it opens the fold (the keyboard: tests/cards.spec.ts)', async () => {
    screenWidth(false);
    render(<CardFiltersForm filters={none} packs={packs} onChange={() => {}} onClear={() => {}} />);
    await userEvent.click(screen.getByText('Filters', { exact: true }));
    expect(fold()).toHaveAttribute('open');
  });

  it('on a wide screen: open', () => {
    screenWidth(true);
    render(<CardFiltersForm filters={none} packs={packs} onChange={() => {}} onClear={() => {}} />);
    expect(fold()).toHaveAttribute('open');
  });

  it('choosing a filter reports it', async () => {
    screenWidth(true);
    const onChange = vi.fn();
    render(<CardFiltersForm filters={none} packs={packs} onChange={onChange} onClear={() => {}} />);
    await userEvent.selectOptions(screen.getByLabelText('Bijzondere groep'), 'young-caregivers');
    expect(onChange).toHaveBeenCalledWith('group', 'young-caregivers');
  });
});
