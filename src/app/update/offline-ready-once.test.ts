import { describe, expect, it } from 'vitest';
import { expectOfflineReady, type InstallEnvironment } from './offline-ready-once';

const storage = (shown: boolean): Pick<Storage, 'getItem'> => ({ getItem: () => (shown ? '1' : null) });
const uncontrolled = { controller: null };
const controlled = { controller: {} as ServiceWorker };

function env(overrides: Partial<InstallEnvironment>): InstallEnvironment {
  return { production: true, serviceWorker: uncontrolled, storage: storage(false), ...overrides };
}

describe('expecting the one "ready offline" line (its room is kept from the first render)', () => {
  it('on a production first load: no worker controls the page and the line was never shown', () => {
    expect(expectOfflineReady(env({}))).toBe(true);
  });

  it('not once a worker controls the page, nor after the line was shown', () => {
    expect(expectOfflineReady(env({ serviceWorker: controlled }))).toBe(false);
    expect(expectOfflineReady(env({ storage: storage(true) }))).toBe(false);
  });

  it('not without service workers, nor in a development build (which registers none)', () => {
    expect(expectOfflineReady(env({ serviceWorker: undefined }))).toBe(false);
    expect(expectOfflineReady(env({ production: false }))).toBe(false);
  });
});
