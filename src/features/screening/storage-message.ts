import type { StorageErrorCode } from '../../db';
import type { screeningMessages } from './messages';

type Key = keyof (typeof screeningMessages)['nl'];

/** The Dutch/English message key for a storage failure while saving screening work. */
export function storageMessageKey(code: StorageErrorCode): Key {
  switch (code) {
    case 'quota':
      return 'errorQuota';
    case 'locked':
      return 'errorLocked';
    case 'stale-build':
      return 'errorStale';
    case 'conflict':
      return 'errorConflict';
    case 'already-completed':
      return 'errorAlreadyCompleted';
    default:
      return 'errorSave';
  }
}
