import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';

export function ScreeningPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('screening.title')}</PageHeading>
      <p className="lead">{t('screening.intro')}</p>
    </section>
  );
}
