import { useId } from 'react';
import { isLanguage, LANGUAGES } from './catalogs';
import { useLanguage, useT } from './useT';

/** Switches the studio's language; the choice is remembered on this browser. */
export function LanguageSelect() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id} className="ui-visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        data-testid="language-select"
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
