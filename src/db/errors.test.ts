// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError } from './errors';

describe('R9: toStorageError', () => {
  it('maps a bare QuotaExceededError to quota', () => {
    expect(toStorageError(new DOMException('full', 'QuotaExceededError')).code).toBe('quota');
  });

  it("maps Dexie's AbortError wrapping a QuotaExceededError (inner) to quota", () => {
    const inner = new DOMException('full', 'QuotaExceededError');
    expect(toStorageError(new Dexie.AbortError('Transaction aborted', inner)).code).toBe('quota');
    expect(toStorageError({ name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError' } }).code).toBe(
      'quota',
    );
  });

  it('maps lost connections and passes StorageErrors through', () => {
    expect(toStorageError(new Dexie.DatabaseClosedError()).code).toBe('connection-lost');
    expect(toStorageError(new DOMException('Connection to Indexed Database server lost', 'UnknownError')).code).toBe(
      'connection-lost',
    );
    const own = new StorageError('conflict');
    expect(toStorageError(own)).toBe(own);
    expect(toStorageError(new Error('odd')).code).toBe('unknown');
  });
});
