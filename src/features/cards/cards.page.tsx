import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';

export function CardsPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('cards.title')}</PageHeading>
      <p className="lead">{t('cards.intro')}</p>
    </section>
  );
}
