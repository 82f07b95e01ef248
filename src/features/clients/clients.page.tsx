import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';

export function ClientsPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('clients.title')}</PageHeading>
      <p className="lead">{t('clients.intro')}</p>
    </section>
  );
}
