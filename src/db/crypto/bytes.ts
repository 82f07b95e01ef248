/**
 * Byte helpers for the crypto layer: fresh random buffers, UTF-8, constant-shape comparison.
 * Every buffer is a `Uint8Array<ArrayBuffer>` so WebCrypto accepts it as a BufferSource.
 */

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(new ArrayBuffer(length)));
}

const ENCODER = new TextEncoder();

/** The encoder's own array when it is a whole ArrayBuffer of this realm (no copy: a backup chunk is a megabyte). */
function ownsArrayBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const encoded: Uint8Array = ENCODER.encode(text);
  if (ownsArrayBuffer(encoded)) return encoded;
  const out = new Uint8Array(new ArrayBuffer(encoded.length));
  out.set(encoded);
  return out;
}

export function fromUtf8(bytes: ArrayBuffer | Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export function toBytes(buffer: ArrayBuffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}

/** Copies into a fresh ArrayBuffer-backed array (rows read back from IndexedDB, other realms). */
export function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
