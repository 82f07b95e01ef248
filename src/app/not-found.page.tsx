import { Link } from 'react-router';
import { useT } from '../i18n/use-t';
import { PageHeading } from '../ui/page-heading';

export function NotFoundPage() {
  const t = useT();
  return (
    <section>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('error.back')}</Link>
    </section>
  );
}
