import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';

export function CardPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('card.title')}</PageHeading>
    </section>
  );
}
