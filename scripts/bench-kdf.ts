/**
 * One key derivation, Argon2id (production: m = 64 MiB, t = 3, p = 1) vs PBKDF2-SHA-256 600k (v1),
 * each run 5 times on this machine (median reported). One Argon2id guess costs about as much CPU as
 * PBKDF2 600k: what Argon2id adds is 64 MiB of memory per guess, which is what makes GPU and ASIC
 * attackers slow; refusing weak passphrases is what stops a word list.
 *   node_modules/.bin/tsx scripts/bench-kdf.ts
 */
import { cpus } from 'node:os';
import { randomBytes } from '../src/db/crypto/bytes';
import { deriveKek, LEGACY_PBKDF2_KDF, PRODUCTION_KDF } from '../src/db/crypto/kdf';
import type { KdfParams } from '../src/db/types';

const RUNS = 5;

async function median(label: string, params: KdfParams): Promise<number> {
  const times: number[] = [];
  await deriveKek('warm-up wachtzin', randomBytes(16), params);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await deriveKek('een lange wachtzin om te meten', randomBytes(16), params);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mid = times[Math.floor(RUNS / 2)] ?? 0;
  console.log(`${label.padEnd(36)} median ${mid.toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  return mid;
}

console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
const argon = await median('Argon2id m=64 MiB t=3 p=1', PRODUCTION_KDF);
const pbkdf2 = await median('PBKDF2-SHA-256 600,000', LEGACY_PBKDF2_KDF);
console.log(`Argon2id / PBKDF2 = ${(argon / pbkdf2).toFixed(2)}`);
