import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useRouteError } from 'react-router';
import { useT } from '../i18n/use-t';
import { PageHeading } from '../ui/page-heading';

/**
 * Error element for every route. Drafts live in IndexedDB and are saved per answer, so nothing the
 * user typed depends on this screen: it says so, logs no client data, and offers a way back.
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    // Only the error's type goes to the console: a message could quote client input.
    console.error('Route error:', error instanceof Error ? error.name : typeof error);
  }, [error]);
  return (
    <section className="route-error" role="alert">
      <PageHeading>{t('error.title')}</PageHeading>
      <p>{t('error.body')}</p>
      <div className="button-row">
        <Link className="button" to="/">
          {t('error.back')}
        </Link>
        <button type="button" className="button secondary" onClick={() => navigate(location, { replace: true })}>
          {t('error.retry')}
        </button>
      </div>
    </section>
  );
}
