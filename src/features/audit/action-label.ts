// An audit action as the log shows it. A colleague's newer app may log an action this build does not
// know (issue 19: team devices' events are shown too): it is shown as such, never dropped.
import { auditMessages } from './messages';

type Key = keyof (typeof auditMessages)['nl'];

function isKey(key: string): key is Key {
  return Object.hasOwn(auditMessages.nl, key);
}

export function actionLabel(t: (key: Key, values?: Record<string, string | number>) => string, action: string): string {
  const key = `action.${action}`;
  return isKey(key) ? t(key) : t('actionUnknown', { action });
}
