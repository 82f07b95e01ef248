/**
 * The zxcvbn-ts estimator with its dictionaries (common passwords + Dutch words and names). Loaded
 * only by a dynamic import when a passphrase field gets focus: it is ~1 MB and never on first paint.
 * Core 3.0.4 with language-common 3.0.4 and language-nl-be 3.0.2 — pinned exactly in package.json
 * because the dictionary format must match the core.
 */
import { type ZxcvbnResult, zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as dutchDictionary } from '@zxcvbn-ts/language-nl-be';

zxcvbnOptions.setOptions({
  dictionary: { ...commonDictionary, ...dutchDictionary },
  graphs: adjacencyGraphs,
});

export function estimate(passphrase: string): ZxcvbnResult {
  return zxcvbn(passphrase);
}

/** Everyday Dutch words for generated passphrases: not the very commonest, plain letters only. */
export const DUTCH_WORDS: readonly string[] = dutchDictionary.commonWords
  .slice(300, 8000)
  .filter((w) => /^[a-z]{4,9}$/.test(w));
