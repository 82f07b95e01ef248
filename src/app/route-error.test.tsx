import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteError } from './route-error';

function Boom(): never {
  throw new Error('client alias CANARY-7F3A in a message');
}

describe('route error element', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says the input is kept, offers a way back, and logs only the type of the error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const router = createMemoryRouter(
      [
        { path: '/', element: <h1>Vandaag</h1> },
        { path: '/broken', element: <Boom />, errorElement: <RouteError /> },
      ],
      { initialEntries: ['/broken'] },
    );
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'Er ging iets mis' })).toBeInTheDocument();
    expect(screen.getByText(/Je ingevoerde gegevens zijn bewaard/)).toBeInTheDocument();
    const ours = log.mock.calls.filter((call) => call[0] === 'Route error:');
    expect(ours).toEqual([['Route error:', 'Error']]);
    await userEvent.click(screen.getByRole('link', { name: 'Terug naar Vandaag' }));
    expect(await screen.findByRole('heading', { name: 'Vandaag' })).toBeInTheDocument();
  });
});
