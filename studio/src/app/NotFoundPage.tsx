import { Link } from 'react-router';
import { useT } from '../shared/i18n';
import { buttonClassName } from '../shared/ui';

export function NotFoundPage() {
  const t = useT();
  return (
    <section className="standalone-page" data-testid="not-found">
      <h1 className="standalone-page__title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/flows" className={buttonClassName('primary')}>
        {t('notFound.home')}
      </Link>
    </section>
  );
}
