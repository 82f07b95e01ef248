import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';

export function HomePage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">{t('home.intro')}</p>
    </section>
  );
}
