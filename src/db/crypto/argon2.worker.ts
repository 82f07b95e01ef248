// The Argon2id worker: one derivation per message, so the 64 MiB of hashing never blocks the page.
// (The program is typed with the DOM lib; the worker's scope is described here instead.)

import type { Argon2idParams } from '../types';
import type { Argon2Request, Argon2Response, Argon2Warm } from './argon2';
import { argon2idInline } from './argon2-inline';

interface WorkerScope {
  onmessage: ((event: MessageEvent<Argon2Request | Argon2Warm>) => void) | null;
  postMessage(message: Argon2Response, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

// The smallest derivation hash-wasm accepts: it compiles and caches Argon2's and BLAKE2b's modules,
// which every later derivation in this worker reuses.
const WARM_PARAMS: Argon2idParams = { algorithm: 'Argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 };

scope.onmessage = async (event) => {
  if ('warm' in event.data) {
    // A failure here (no WebAssembly) is reported by the real derivation that follows.
    await argon2idInline(new Uint8Array(8), new Uint8Array(16), WARM_PARAMS).catch(() => {});
    return;
  }
  const { id, password, salt, params } = event.data;
  scope.postMessage({ id, started: true });
  try {
    const hash = await argon2idInline(password, salt, params);
    scope.postMessage({ id, ok: true, hash }, [hash.buffer]);
  } catch (e) {
    scope.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
