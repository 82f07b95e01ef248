import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { WithTestRuntime } from '../../runtime/testing/with-test-runtime';
import { holdAutoLock } from '../../runtime/vault/auto-lock-hold';
import { useAutoLock } from './use-auto-lock';

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
    renderHook(() => useAutoLock(60_000), { wrapper: WithTestRuntime });
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    window.dispatchEvent(new Event('keydown'));
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    expect(testRuntime().hasSession()).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(testRuntime().hasSession()).toBe(false);
  });

  it('locks on return after 60 s hidden; a short switch away does not lock', async () => {
    renderHook(() => useAutoLock(15 * 60_000), { wrapper: WithTestRuntime });
    setVisibility('hidden');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    setVisibility('visible');
    expect(testRuntime().hasSession()).toBe(true);
    setVisibility('hidden');
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    setVisibility('visible');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(testRuntime().hasSession()).toBe(false);
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('while a backup holds it off, waits another idle period instead of locking; locks within one idle period after the release', async () => {
    renderHook(() => useAutoLock(60_000), { wrapper: WithTestRuntime });
    const release = holdAutoLock();
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    expect(testRuntime().hasSession()).toBe(true);
    release();
    release(); // a second call releases nothing more
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(testRuntime().hasSession()).toBe(false);
  });

  it('while held, coming back after 60 s hidden does not lock', async () => {
    renderHook(() => useAutoLock(15 * 60_000), { wrapper: WithTestRuntime });
    const release = holdAutoLock();
    setVisibility('hidden');
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    setVisibility('visible');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(testRuntime().hasSession()).toBe(true);
    release();
    Reflect.deleteProperty(document, 'visibilityState');
  });
});
