/**
 * Passphrase strength (R39): a passphrase is accepted only when zxcvbn estimates at least 10^12
 * guesses. At ~0.3 s of Argon2id per guess per core that is millennia of CPU; "welkom123" (10^4.8)
 * falls to a word list in seconds whatever the KDF costs. Refusals name the reason.
 */
import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { MIN_PASSPHRASE_LENGTH } from '../../db/first-screen';

export const MIN_GUESSES_LOG10 = 12;

export type WeakReason = 'tooShort' | 'blank' | 'common' | 'repeat' | 'sequence' | 'keyboard' | 'date' | 'guessable';

export type Verdict = { ok: true } | { ok: false; reason: WeakReason };

type Estimator = typeof import('./estimator');
let loading: Promise<Estimator> | null = null;

/** Starts loading the estimator (call on focus); later calls reuse the same load. */
export function loadEstimator(): Promise<Estimator> {
  loading ??= import('./estimator');
  return loading;
}

function reasonFrom(result: ZxcvbnResult): WeakReason {
  const patterns = new Set(result.sequence.map((m) => m.pattern));
  if (patterns.has('repeat')) return 'repeat';
  if (patterns.has('dictionary')) return 'common';
  if (patterns.has('spatial')) return 'keyboard';
  if (patterns.has('date')) return 'date';
  if (patterns.has('sequence')) return 'sequence';
  return 'guessable';
}

/** The rule, given an estimate (pure; unit-tested). */
export function judge(passphrase: string, result: ZxcvbnResult | null): Verdict {
  if (passphrase.trim() === '') return { ok: false, reason: 'blank' };
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return { ok: false, reason: 'tooShort' };
  if (result === null || result.guessesLog10 >= MIN_GUESSES_LOG10) return { ok: true };
  return { ok: false, reason: reasonFrom(result) };
}

export async function checkPassphrase(passphrase: string): Promise<Verdict> {
  if (passphrase.trim() === '' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) return judge(passphrase, null);
  const { estimate } = await loadEstimator();
  return judge(passphrase, estimate(passphrase));
}

/** An unbiased index below `n` from the CSPRNG (rejection sampling). */
function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % n;
  }
}

/** Four (or more) random everyday Dutch words (~12 bits each), re-drawn until the rule accepts them. */
export async function generatePassphrase(words = 4): Promise<string> {
  const { DUTCH_WORDS, estimate } = await loadEstimator();
  for (;;) {
    const phrase = Array.from({ length: words }, () => DUTCH_WORDS[randomIndex(DUTCH_WORDS.length)]).join(' ');
    if (judge(phrase, estimate(phrase)).ok) return phrase;
  }
}
