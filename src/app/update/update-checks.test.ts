import { describe, expect, it, vi } from 'vitest';
import { scheduleUpdateChecks, UPDATE_CHECK_INTERVAL_MS } from './update-checks';

describe('hourly update check', () => {
  it('checks every hour, and only while online', () => {
    let tick: () => void = () => {};
    let online = true;
    const registration = { update: vi.fn(async () => {}) };
    scheduleUpdateChecks(registration as unknown as ServiceWorkerRegistration, {
      isOnline: () => online,
      setInterval: (fn, ms) => {
        expect(ms).toBe(UPDATE_CHECK_INTERVAL_MS);
        tick = fn;
      },
    });
    tick();
    expect(registration.update).toHaveBeenCalledTimes(1);
    online = false;
    tick();
    expect(registration.update).toHaveBeenCalledTimes(1);
  });
});
