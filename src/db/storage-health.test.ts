// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  type FlagStorage,
  isIosOutsideStandalone,
  markVaultCreated,
  rememberedPersistOutcome,
  requestPersistence,
  storageStatus,
  storageWasCleared,
} from './storage-health';
import { testDb, testVault } from './testing/fixture-db';

function memoryFlags(): FlagStorage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

describe('storage health', () => {
  it('R10: calls persist() once and remembers the outcome', async () => {
    const flags = memoryFlags();
    const persist = vi.fn(async () => false);
    expect(await requestPersistence({ persist }, flags)).toBe('denied');
    expect(await requestPersistence({ persist }, flags)).toBe('denied');
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistence(null, memoryFlags())).toBe('unsupported');
  });

  it('reads the remembered persist() outcome synchronously, null before anything was asked', async () => {
    const flags = memoryFlags();
    expect(rememberedPersistOutcome(flags)).toBeNull();
    await requestPersistence({ persist: async () => false }, flags);
    expect(rememberedPersistOutcome(flags)).toBe('denied');
    flags.setItem('stapwijzer:persist-outcome', 'something else');
    expect(rememberedPersistOutcome(flags)).toBeNull();
  });

  it('reports persisted, usage and quota, with nulls when the API is missing', async () => {
    const storage = { persisted: async () => true, estimate: async () => ({ usage: 10, quota: 100 }) };
    expect(await storageStatus(storage)).toEqual({ persisted: true, usage: 10, quota: 100 });
    expect(await storageStatus(null)).toEqual({ persisted: null, usage: null, quota: null });
  });

  it('detects that browser storage was cleared after a vault existed', async () => {
    const flags = memoryFlags();
    const db = testDb();
    expect(await storageWasCleared(db, flags)).toBe(false); // fresh profile
    await testVault(db);
    const sentinel = await db.meta.get('sentinel');
    markVaultCreated(db.name, sentinel?.key === 'sentinel' ? sentinel.vaultId : '', flags);
    expect(await storageWasCleared(db, flags)).toBe(false);
    await db.delete();
    expect(await storageWasCleared(testDb(undefined, db.name), flags)).toBe(true);
  });

  it('R11: flags iOS Safari outside standalone, not the installed app or other platforms', () => {
    const iphone = { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15' };
    const ipadOs = {
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
      platform: 'MacIntel',
      maxTouchPoints: 5,
    };
    const mac = {
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
      platform: 'MacIntel',
      maxTouchPoints: 0,
    };
    const android = { userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8)' };
    const browserTab = () => ({ matches: false });
    const installed = (q: string) => ({ matches: q === '(display-mode: standalone)' });
    expect(isIosOutsideStandalone(iphone, browserTab)).toBe(true);
    expect(isIosOutsideStandalone(ipadOs, browserTab)).toBe(true);
    expect(isIosOutsideStandalone(iphone, installed)).toBe(false);
    expect(isIosOutsideStandalone({ ...iphone, standalone: true }, null)).toBe(false);
    expect(isIosOutsideStandalone(mac, browserTab)).toBe(false);
    expect(isIosOutsideStandalone(android, browserTab)).toBe(false);
  });
});
