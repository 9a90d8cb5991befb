import { useT } from '../../../shared/i18n';
import type { Translate } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import type { VariableSuggestion } from '../lib/variableSuggestions';

type VariableSuggestionsProps = {
  id: string;
  matches: readonly VariableSuggestion[];
  active: number;
  onChoose(suggestion: VariableSuggestion): void;
};

function sourceText(suggestion: VariableSuggestion, t: Translate): string {
  const node = suggestion.from ?? '';
  switch (suggestion.source) {
    case 'node':
      return t('inspector.source.node', { node });
    case 'trigger':
      return t('inspector.source.trigger', { node });
    case 'output':
      return t('inspector.source.output', { node });
    default:
      return t(`inspector.source.${suggestion.source}`);
  }
}

/** The `{{ }}` suggestion list under a templated field; the field keeps the focus (aria-activedescendant). */
export function VariableSuggestions({ id, matches, active, onChoose }: VariableSuggestionsProps) {
  const t = useT();
  return (
    <ul id={id} className="inspector-suggestions" role="listbox" aria-label={t('inspector.suggestions.label')} data-testid="variable-suggestions">
      {matches.length === 0 && <li className="inspector-suggestions__empty">{t('inspector.suggestions.empty')}</li>}
      {matches.map((suggestion, index) => (
        <li
          key={suggestion.path}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={classNames('inspector-suggestion', index === active && 'inspector-suggestion--active')}
          data-testid="variable-suggestion"
          data-path={suggestion.path}
          // mousedown, not click: the field must not lose its caret before the insert.
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(suggestion);
          }}
        >
          <code className="inspector-suggestion__path">{suggestion.path}</code>
          <span className="inspector-suggestion__source">{sourceText(suggestion, t)}</span>
        </li>
      ))}
    </ul>
  );
}
