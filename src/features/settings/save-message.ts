import { isStorageError } from '../../db';

/** Which Dutch message a failed save shows: storage full, or a generic retry. */
export function saveErrorKey(e: unknown): 'quota' | 'saveFailed' {
  return isStorageError(e) && e.code === 'quota' ? 'quota' : 'saveFailed';
}
