import { useT } from '../shared/i18n';
import { Button } from '../shared/ui';

/** Something broke while showing a page; reloading is the one safe step to offer. */
export function CrashPage() {
  const t = useT();
  return (
    <section className="standalone-page" role="alert">
      <h1 className="standalone-page__title">{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </Button>
    </section>
  );
}
