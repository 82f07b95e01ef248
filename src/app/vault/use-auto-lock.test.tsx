import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unlockedVault } from '../testing/unlocked';
import { useAutoLock } from './use-auto-lock';
import { hasSession } from './vault-runtime';

beforeEach(async () => {
  await unlockedVault();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('auto-lock (R24)', () => {
  it('locks after the chosen idle time without input, not before; input restarts the wait', async () => {
    renderHook(() => useAutoLock(60_000));
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    window.dispatchEvent(new Event('keydown'));
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    expect(hasSession()).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(hasSession()).toBe(false);
  });

  it('locks on return after 60 s hidden; a short switch away does not lock', async () => {
    renderHook(() => useAutoLock(15 * 60_000));
    setVisibility('hidden');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    setVisibility('visible');
    expect(hasSession()).toBe(true);
    setVisibility('hidden');
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    setVisibility('visible');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(hasSession()).toBe(false);
    Reflect.deleteProperty(document, 'visibilityState');
  });
});
