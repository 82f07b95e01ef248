import { useT } from '../i18n/use-t';

/** Shown while the first route's code loads; a live region so screen readers hear it. */
export function ScreenLoading() {
  const t = useT();
  return (
    <p className="screen-loading" role="status">
      {t('loading.screen')}
    </p>
  );
}
