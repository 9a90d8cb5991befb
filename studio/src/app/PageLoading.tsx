import { useT } from '../shared/i18n';
import { Spinner } from '../shared/ui';

/** While a page's code is downloading. */
export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading">
      <Spinner label={t('app.loading')} />
    </div>
  );
}
