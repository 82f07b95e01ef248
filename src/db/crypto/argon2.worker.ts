// The Argon2id worker: one derivation per message, so the 64 MiB of hashing never blocks the page.
// (The program is typed with the DOM lib; the worker's scope is described here instead.)
import type { Argon2Request, Argon2Response } from './argon2';
import { argon2idInline } from './argon2-inline';

interface WorkerScope {
  onmessage: ((event: MessageEvent<Argon2Request>) => void) | null;
  postMessage(message: Argon2Response, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { id, password, salt, params } = event.data;
  scope.postMessage({ id, started: true });
  try {
    const hash = await argon2idInline(password, salt, params);
    scope.postMessage({ id, ok: true, hash }, [hash.buffer]);
  } catch (e) {
    scope.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
