// What the vault gate shows while a team-size restore replaces every row (status 'restoring'): no
// screen that reads rows is mounted (the old key opens none of the new ones), only the progress.
import { useMessages } from '../../i18n/define-messages';
import { useRestoreProgress } from '../../runtime/vault/restore-progress';
import { PageHeading } from '../../ui/page-heading';
import { backupMessages } from './messages';

export function RestoringScreen() {
  const t = useMessages(backupMessages);
  const progress = useRestoreProgress((s) => s.progress);
  return (
    <section className="narrow">
      <PageHeading>{t('restoringTitle')}</PageHeading>
      <p className="lead">{t('restoringIntro')}</p>
      {progress && <progress aria-label={t('restoreProgressLabel')} max={progress.total} value={progress.done} />}
      <p className="hint" role="status">
        {progress ? t('restoreProgress', { done: progress.done, total: progress.total }) : t('restoring')}
      </p>
    </section>
  );
}
