import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pwaStub } from '../../../tests/stubs/pwa-register-react';
import { setLanguage } from '../../i18n/language';
import { registerUpdateGuard } from '../../runtime/update/update-guards';
import { UpdatePrompt } from './update-prompt';

const sw = pwaStub;
const updateServiceWorker = vi.fn(async (_reload?: boolean) => {});

beforeEach(() => {
  localStorage.clear();
  setLanguage('nl');
  sw.offlineReady = false;
  sw.needRefresh = false;
  updateServiceWorker.mockReset();
  sw.updateServiceWorker = updateServiceWorker;
  sw.registration = undefined;
});

/** A production build's first load: no worker controls the page yet. */
function firstLoad() {
  vi.stubEnv('PROD', true);
  Object.defineProperty(navigator, 'serviceWorker', { value: { controller: null }, configurable: true });
  return () => {
    vi.unstubAllEnvs();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  };
}

/** A registration as the browser reports it once the worker got as far as `state`. */
function registrationAt(state: 'installing' | 'activated'): ServiceWorkerRegistration {
  const worker = { state, addEventListener: vi.fn() };
  return {
    installing: state === 'installing' ? worker : null,
    waiting: null,
    active: state === 'activated' ? worker : null,
    update: vi.fn(async () => {}),
  } as unknown as ServiceWorkerRegistration;
}

describe('update prompt', () => {
  it('shows nothing while no update waits and the app was already ready offline', () => {
    localStorage.setItem('stapwijzer.offlineReadyShown', '1');
    sw.offlineReady = true;
    render(<UpdatePrompt />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says "ready to work offline" the first time only', () => {
    sw.offlineReady = true;
    const first = render(<UpdatePrompt />);
    expect(screen.getByText('Stapwijzer is klaar om zonder internet te werken.')).toBeInTheDocument();
    first.unmount();
    render(<UpdatePrompt />);
    expect(screen.queryByText('Stapwijzer is klaar om zonder internet te werken.')).toBeNull();
  });

  it('gives the "ready" line\'s room back once the user goes to another screen', () => {
    sw.offlineReady = true;
    const view = render(<UpdatePrompt path="/" />);
    expect(screen.getByText('Stapwijzer is klaar om zonder internet te werken.')).toBeInTheDocument();
    view.rerender(<UpdatePrompt path="/" />);
    expect(screen.getByText('Stapwijzer is klaar om zonder internet te werken.')).toBeInTheDocument();
    view.rerender(<UpdatePrompt path="/clients" />);
    expect(screen.queryByText('Stapwijzer is klaar om zonder internet te werken.')).toBeNull();
    view.rerender(<UpdatePrompt path="/" />);
    expect(screen.queryByText('Stapwijzer is klaar om zonder internet te werken.')).toBeNull();
  });

  it('on a first load, keeps the line while the worker installs', async () => {
    const restore = firstLoad();
    sw.registration = registrationAt('installing');
    render(<UpdatePrompt />);
    await act(async () => {});
    expect(screen.getByTestId('offline-ready')).toHaveTextContent('Stapwijzer wordt klaargezet');
    restore();
  });

  it('on a first load whose worker finished before registration was reported, says ready without the line going away', async () => {
    const restore = firstLoad();
    sw.registration = registrationAt('activated');
    render(<UpdatePrompt />);
    expect(screen.getByTestId('offline-ready')).toBeInTheDocument();
    await act(async () => {});
    expect(screen.getByTestId('offline-ready')).toBeInTheDocument();
    expect(screen.getByText('Stapwijzer is klaar om zonder internet te werken.')).not.toHaveClass('off');
    restore();
  });

  it('offers a waiting update and does not apply it by itself', () => {
    sw.needRefresh = true;
    render(<UpdatePrompt />);
    expect(screen.getByText('Er is een nieuwe versie van Stapwijzer.')).toBeInTheDocument();
    expect(updateServiceWorker).not.toHaveBeenCalled();
  });

  it('flushes open drafts before it applies the update on "Bijwerken"', async () => {
    sw.needRefresh = true;
    const order: string[] = [];
    const unregister = registerUpdateGuard({
      flush: async () => {
        order.push('flush');
      },
    });
    updateServiceWorker.mockImplementation(async () => {
      order.push('update');
    });
    render(<UpdatePrompt />);
    await userEvent.click(screen.getByRole('button', { name: 'Bijwerken' }));
    expect(order).toEqual(['flush', 'update']);
    expect(updateServiceWorker).toHaveBeenCalledWith(true);
    unregister();
  });

  it('hides the update while the device is handed to a client', () => {
    sw.needRefresh = true;
    const unregister = registerUpdateGuard({ blocks: () => true });
    render(<UpdatePrompt />);
    expect(screen.queryByRole('button', { name: 'Bijwerken' })).toBeNull();
    unregister();
  });
});
