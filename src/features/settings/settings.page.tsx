import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { LanguageSetting } from './language-setting';

export function SettingsPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('settings.title')}</PageHeading>
      <LanguageSetting />
    </section>
  );
}
