/** Base64 for the backup file (browser and Node alike, no Buffer). */

const ALPHABET = Uint8Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', (c) =>
  c.charCodeAt(0),
);

const CHUNK = 0x8000;
const ASCII = new TextEncoder();

/** The engine's own encoder (Uint8Array.prototype.toBase64: Chromium 140+, Firefox 133+, Safari 18.2+). */
type NativeBase64 = Uint8Array & { toBase64(): string };
const hasNative = typeof (Uint8Array.prototype as Partial<NativeBase64>).toBase64 === 'function';

export function toBase64(bytes: Uint8Array): string {
  if (hasNative) return (bytes as NativeBase64).toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Base64 as ASCII bytes, for a backup chunk: the result lives in an ArrayBuffer, not in a JS string,
 * so a megabyte chunk leaves no megabyte strings behind for the garbage collector.
 */
export function toBase64Bytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  // Natively encoded, a megabyte chunk is one short-lived string: faster than the loop below by far.
  if (hasNative) return ASCII.encode((bytes as NativeBase64).toBase64());
  const out = new Uint8Array(new ArrayBuffer(Math.ceil(bytes.length / 3) * 4));
  const a = (i: number) => ALPHABET[i] ?? 0;
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = a((n >> 18) & 63);
    out[o++] = a((n >> 12) & 63);
    out[o++] = a((n >> 6) & 63);
    out[o++] = a(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = a((n >> 18) & 63);
    out[o++] = a((n >> 12) & 63);
    out[o++] = rest === 2 ? a((n >> 6) & 63) : 61;
    out[o++] = 61;
  }
  return out;
}

const DECODE = new Int16Array(128).fill(-1);
for (const [i, c] of ALPHABET.entries()) DECODE[c] = i;

/**
 * Decodes straight into bytes (no `atob` string in between: a backup chunk is a megabyte). Throws on
 * anything that is not padded base64, as `atob` would.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) throw new TypeError('base64 length');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array(new ArrayBuffer((text.length / 4) * 3 - pad));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      const d = c === 61 && i + j >= text.length - pad ? 0 : c < 128 ? (DECODE[c] ?? -1) : -1;
      if (d < 0) throw new TypeError('not base64');
      n = (n << 6) | d;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/**
 * The same test as BASE64 as a loop: V8 runs that regular expression recursively and overflows its
 * stack on a multi-megabyte string (a backup chunk).
 */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const end = text.endsWith('==') ? text.length - 2 : text.endsWith('=') ? text.length - 1 : text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return false;
  }
  return true;
}

export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
