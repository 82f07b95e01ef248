/**
 * Plaintext padding (R40): every sealed plaintext is padded to a size bucket before encryption, so a
 * ciphertext's length says only which bucket it fell in. Buckets are powers of two from 1 KiB:
 * 1, 2, 4, 8 … KiB. Why powers of two and not fixed steps: with steps of, say, 256 B a safety
 * decision (with its action, label and note) lands one or two steps above a step-0 decision, so
 * the length still tells them apart; doubling buckets put the ordinary variation of one table's
 * records into one or two buckets for the cost of at most 2× the bytes (1 KiB floor, so the many
 * small rows — notes, follow-ups, settings — all look alike; a table may have a higher floor). The payload is JSON, padded with
 * spaces, which JSON.parse ignores: nothing else (no length prefix) has to be trusted on open.
 */
export const MIN_BUCKET = 1024;

/**
 * Tables whose records of one kind sit just above a bucket edge get a higher floor. Measured with
 * the engine's real outcomes (clear-fields.test.ts): a step-0 decision is ≈ 0.8 KiB, a safety
 * decision (its action, label, note, red-flag reasons) 1.0–1.3 KiB, so a 1 KiB floor would mark
 * it; with 2 KiB both land in one bucket. Screenings (2.8–3.5 KiB) already share the 4 KiB bucket.
 */
export const TABLE_MIN_BUCKET: Readonly<Record<string, number>> = { decisions: 2048 };

/** The bucket a plaintext of `length` bytes is padded to. */
export function bucketFor(length: number, floor = MIN_BUCKET): number {
  let size = Math.max(MIN_BUCKET, floor);
  while (size < length) size *= 2;
  return size;
}

export function isBucketSize(length: number): boolean {
  return length >= MIN_BUCKET && (length & (length - 1)) === 0;
}

const SPACE = 0x20;

/** Copies `plain` into a bucket-sized buffer filled with spaces after it. */
export function pad(plain: Uint8Array<ArrayBuffer>, floor = MIN_BUCKET): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bucketFor(plain.byteLength, floor));
  out.set(plain);
  out.fill(SPACE, plain.byteLength);
  return out;
}
