// The Argon2id derivation itself (hash-wasm's WebAssembly build), shared by the worker and the node
// path. A static named import lets the bundler keep only Argon2 out of hash-wasm's many hashes.
import { argon2id } from 'hash-wasm';
import { StorageError } from '../errors';
import type { Argon2idParams } from '../types';

export const KEK_BYTES = 32;

export async function argon2idInline(
  password: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  params: Argon2idParams,
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof WebAssembly === 'undefined') throw new StorageError('kdf-unsupported');
  const hash = await argon2id({
    password,
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: KEK_BYTES,
    outputType: 'binary',
  });
  return new Uint8Array(hash);
}
