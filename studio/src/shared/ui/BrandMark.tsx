import { useT } from '../i18n';

/** The Fluxo logo and name. */
export function BrandMark() {
  const t = useT();
  return (
    <span className="ui-brand">
      <svg className="ui-brand__icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M9 9h14M9 16h10M9 23h6" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span className="ui-brand__name">{t('app.name')}</span>
    </span>
  );
}
