import { describe, expect, it, vi } from 'vitest';
import { registerUpdateGuard } from '../runtime/update/update-guards';
import { handlePreloadError, PRELOAD_RELOAD_WINDOW_MS } from './preload-error-guard';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('guarded reload after a failed lazy import', () => {
  it('reloads once after flushing drafts, then not again within the guard window', async () => {
    const storage = memoryStorage();
    const reload = vi.fn();
    const flushed = vi.fn(async () => {});
    const unregister = registerUpdateGuard({ flush: flushed });
    let now = 1_000_000;
    const event = { preventDefault: vi.fn() };
    expect(await handlePreloadError(event, { storage, now: () => now, reload })).toBe(true);
    expect(flushed).toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
    now += PRELOAD_RELOAD_WINDOW_MS - 1;
    expect(await handlePreloadError(event, { storage, now: () => now, reload })).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
    now += 2;
    expect(await handlePreloadError(event, { storage, now: () => now, reload })).toBe(true);
    unregister();
  });

  it('never reloads while the device is handed to a client', async () => {
    const reload = vi.fn();
    const unregister = registerUpdateGuard({ blocks: () => true });
    expect(
      await handlePreloadError({ preventDefault: vi.fn() }, { storage: memoryStorage(), now: () => 5, reload }),
    ).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    unregister();
  });
});
