import { useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { AUTO_LOCK_OPTIONS, AUTO_LOCK_SETTING, AutoLockSchema, useAutoLockMinutes } from './auto-lock-setting';
import { settingsMessages } from './messages';
import { saveErrorKey } from './save-message';
import { writeSetting } from './use-setting';

/** Auto-lock after 1, 2, 5, 10 or 15 idle minutes; saved as soon as it is chosen. */
export function AutoLockChoice() {
  const vault = useVault();
  const t = useMessages(settingsMessages);
  const stored = useAutoLockMinutes();
  // The choice shows at once; "Opgeslagen" follows the write. A failed write falls back to what is stored.
  const [pending, setPending] = useState<number | null>(null);
  const minutes = pending ?? stored;
  const [status, setStatus] = useState<'saved' | 'quota' | 'saveFailed' | null>(null);

  async function choose(value: (typeof AUTO_LOCK_OPTIONS)[number]) {
    setStatus(null);
    setPending(value);
    try {
      await writeSetting(vault.session(), AUTO_LOCK_SETTING, AutoLockSchema, value);
      setStatus('saved');
    } catch (e) {
      setPending(null);
      setStatus(saveErrorKey(e));
    }
  }

  return (
    <fieldset className="field">
      <legend>{t('autoLock')}</legend>
      <p className="hint">{t('autoLockHint')}</p>
      <div className="choice-row">
        {AUTO_LOCK_OPTIONS.map((n) => (
          <label key={n} className="choice">
            <input type="radio" name="auto-lock" checked={minutes === n} onChange={() => void choose(n)} />
            <span>{n === 1 ? t('minute') : t('minutes', { n })}</span>
          </label>
        ))}
      </div>
      <p className={status === 'saved' ? 'form-message ok' : 'form-message'} role="status">
        {status && t(status)}
      </p>
    </fieldset>
  );
}
