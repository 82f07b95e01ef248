// The backup reminder (R12) for the start screen: shows when enough changed or enough time passed
// since the last export. The rule is the pure `backupReminder` in src/db/backup.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { backupReminder, loadReminderInput } from '../../db';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { backupMessages } from './messages';

export function BackupReminder({ showLink = true }: { showLink?: boolean }) {
  const vault = useVault();
  const t = useMessages(backupMessages);
  const [due, setDue] = useState(false);

  useEffect(() => {
    let live = true;
    loadReminderInput(vault.session(), Date.now())
      .then((input) => live && setDue(backupReminder(input) !== null))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [vault]);

  if (!due) return null;
  return (
    <div className="warning-box" role="status">
      <p>{t('reminder')}</p>
      {showLink && <Link to="/settings/backup">{t('reminderLink')}</Link>}
    </div>
  );
}
