import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';

export function ClientPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('client.title')}</PageHeading>
    </section>
  );
}
