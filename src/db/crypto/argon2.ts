/**
 * Argon2id, the memory-hard key derivation (R39), from hash-wasm's WebAssembly build. In the
 * browser it runs in a dedicated worker so 64 MiB and ~0.3 s of hashing never block the page; in
 * node (vitest, scripts) it runs inline. There is no fallback: without WebAssembly (or when the CSP
 * lacks 'wasm-unsafe-eval') derivation fails with 'kdf-unsupported' and the UI asks for an update.
 */
import { StorageError } from '../errors';
import type { Argon2idParams } from '../types';

export interface Argon2Request {
  id: number;
  password: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  params: Argon2idParams;
}

/** Load and compile only (prepareArgon2): no reply. */
export interface Argon2Warm {
  warm: true;
}

export type Argon2Response =
  /** The worker has its program and begins this derivation (what waits for that: argon2id's onStarted). */
  | { id: number; started: true }
  | { id: number; ok: true; hash: Uint8Array<ArrayBuffer> }
  | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (h: Uint8Array<ArrayBuffer>) => void; reject: (e: unknown) => void; onStarted?: () => void }
>();

function failAll(error: unknown): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = null;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./argon2.worker.ts', import.meta.url), { type: 'module', name: 'argon2id' });
  w.onmessage = (event: MessageEvent<Argon2Response>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    if ('started' in reply) {
      waiting.onStarted?.();
      return;
    }
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.hash);
    else waiting.reject(new StorageError('kdf-unsupported', { detail: reply.message }));
  };
  w.onerror = (event) => failAll(new StorageError('kdf-unsupported', { detail: event.message }));
  worker = w;
  return w;
}

const inBrowser = (): boolean => typeof window !== 'undefined' && typeof Worker !== 'undefined';

/**
 * Starts the worker and has it compile the WebAssembly now, while a passphrase is being typed, so
 * the first derivation pays only for its hashing: the worker's script, its start and the compile
 * were ≈ 100 ms of the unlock on the lock screen (issue 23). Called at the first character typed on
 * the lock screen (VaultRuntime.prepareUnlock) and when onboarding's passphrase step shows; a no-op
 * where there is no worker (node, jsdom) or it already runs.
 */
export function prepareArgon2(): void {
  if (worker || !inBrowser() || typeof WebAssembly === 'undefined') return;
  const warm: Argon2Warm = { warm: true };
  getWorker().postMessage(warm);
}

/**
 * Argon2id → 32 raw bytes, off the main thread where there is one. `onStarted` is called when the
 * worker has loaded and begins hashing: main-thread work started then (the unlock's warm-up) no longer
 * holds up the worker's own start (issue 23).
 */
export function argon2id(
  password: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  params: Argon2idParams,
  onStarted?: () => void,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!inBrowser()) {
    onStarted?.();
    return import('./argon2-inline').then((m) => m.argon2idInline(password, salt, params));
  }
  if (typeof WebAssembly === 'undefined') return Promise.reject(new StorageError('kdf-unsupported'));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, ...(onStarted ? { onStarted } : {}) });
    const request: Argon2Request = { id, password, salt, params };
    getWorker().postMessage(request);
  });
}
