import { describe, expect, it, vi } from 'vitest';
import { registerUpdateGuard } from '../../runtime/update/update-guards';
import { reloadAfterFlush } from './update-prompt';

describe('reload after another tab applied the update (onNeedReload)', () => {
  it('flushes open work first, then reloads', async () => {
    const order: string[] = [];
    const unregister = registerUpdateGuard({
      flush: async () => {
        order.push('flush');
      },
    });
    await reloadAfterFlush(() => order.push('reload'));
    expect(order).toEqual(['flush', 'reload']);
    unregister();
  });

  it('still reloads when a flush fails (the last autosave stands)', async () => {
    const reload = vi.fn();
    const unregister = registerUpdateGuard({ flush: () => Promise.reject(new Error('disk')) });
    await reloadAfterFlush(reload);
    expect(reload).toHaveBeenCalledTimes(1);
    unregister();
  });
});
