// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the browser's Worker: records what is made and what is posted to it.
const made: { url: string; posted: unknown[] }[] = [];
class RecordingWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly posted: unknown[] = [];
  constructor(url: URL | string) {
    made.push({ url: String(url), posted: this.posted });
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

describe('prepareArgon2 (the lock screen starts the derivation worker before the submit)', () => {
  beforeEach(() => {
    made.length = 0;
    vi.resetModules();
    vi.stubGlobal('Worker', RecordingWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('makes the worker once and asks it to compile; the derivation then uses that same worker', async () => {
    const { argon2id, prepareArgon2 } = await import('./argon2');
    prepareArgon2();
    prepareArgon2();
    expect(made).toHaveLength(1);
    expect(made[0]?.url).toContain('argon2.worker');
    expect(made[0]?.posted).toEqual([{ warm: true }]);

    const params = { algorithm: 'Argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
    void argon2id(new Uint8Array(4), new Uint8Array(16), params);
    expect(made).toHaveLength(1);
    expect(made[0]?.posted).toHaveLength(2);
    expect(made[0]?.posted[1]).toMatchObject({ params });
  });

  it('does nothing where there is no worker (node, jsdom without one)', async () => {
    vi.stubGlobal('Worker', undefined);
    const { prepareArgon2 } = await import('./argon2');
    expect(() => prepareArgon2()).not.toThrow();
    expect(made).toHaveLength(0);
  });
});
