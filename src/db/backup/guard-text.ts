/**
 * Checks on the raw text before JSON.parse: size, and nesting depth with a single linear scan (no
 * recursion, so 10^5 nested brackets cannot blow the stack), which also tells a file cut off
 * mid-way (open brackets or an open string at the end) from one that is merely not JSON.
 */
import { BackupError } from './backup-error';
import { MAX_BACKUP_BYTES, MAX_DEPTH } from './backup-format';

export function assertSize(bytes: number): void {
  if (bytes > MAX_BACKUP_BYTES) throw new BackupError('too-large');
}

/** 'ok' | 'truncated'; throws 'too-deep' as soon as the nesting passes MAX_DEPTH. */
export function scanStructure(text: string): 'ok' | 'truncated' {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > MAX_DEPTH) throw new BackupError('too-deep');
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth > 0 || inString ? 'truncated' : 'ok';
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse (never eval) that rejects prototype-polluting keys anywhere in the document. */
export function parseJsonStrict(text: string): unknown {
  let forbidden = false;
  const value: unknown = JSON.parse(text, (key, v: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) forbidden = true;
    return v;
  });
  if (forbidden) throw new BackupError('forbidden-key');
  return value;
}
