import { Link } from 'react-router';
import { useMessages } from '../../i18n/define-messages';
import { PageHeading } from '../../ui/page-heading';
import { BackupReminder } from './backup-reminder';
import { ExportSection } from './export-section';
import { backupMessages } from './messages';
import { RestoreSection } from './restore-section';
import { WipeSection } from './wipe-section';

export function BackupPage() {
  const t = useMessages(backupMessages);
  return (
    <section className="narrow">
      <PageHeading>{t('title')}</PageHeading>
      <p className="lead">{t('intro')}</p>
      <BackupReminder showLink={false} />
      <ExportSection />
      <RestoreSection />
      <WipeSection />
      <p>
        <Link to="/settings/audit">{t('auditLink')}</Link>
      </p>
    </section>
  );
}
