import { Link } from 'react-router';
import { useLanguage, useMessages } from '../../i18n/define-messages';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { RegionalNumbersSection } from '../safety/regional-numbers-section';
import { TeamSyncSection } from '../team';
import { AutoLockChoice } from './auto-lock-choice';
import { EpdsKeySection } from './epds-key-section';
import { LanguageSetting } from './language-setting';
import { LicenceImportSection } from './licence-import-section';
import { settingsMessages } from './messages';
import { PassphraseSetting } from './passphrase-setting';
import { ProfileSetting } from './profile-setting';
import { StorageStatusSection } from './storage-status';
import { VersionsSection } from './versions-section';
import './settings.css';

export function SettingsPage() {
  const shell = useT();
  const t = useMessages(settingsMessages);
  const language = useLanguage();
  return (
    <section className="settings">
      <PageHeading>{shell('settings.title')}</PageHeading>
      <nav aria-label={t('more')} className="settings-links">
        <ul>
          <li>
            <Link to="/settings/backup">{t('backup')}</Link>
          </li>
          <li>
            <Link to="/settings/audit">{t('audit')}</Link>
          </li>
          <li>
            <Link to="/settings/indicators">{t('indicators')}</Link>
          </li>
        </ul>
      </nav>
      <LanguageSetting />
      <AutoLockChoice />
      <ProfileSetting />
      <PassphraseSetting />
      <TeamSyncSection language={language} />
      <StorageStatusSection language={language} />
      <RegionalNumbersSection />
      <EpdsKeySection language={language} />
      <LicenceImportSection language={language} />
      <VersionsSection language={language} />
    </section>
  );
}
