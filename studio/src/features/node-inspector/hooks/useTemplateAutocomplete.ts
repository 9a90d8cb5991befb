import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { filterSuggestions } from '../lib/variableSuggestions';
import type { VariableSuggestion } from '../lib/variableSuggestions';
import { insertTemplate, templateQueryAt } from '../lib/templateQuery';
import type { TemplateQuery } from '../lib/templateQuery';

type Editable = HTMLInputElement | HTMLTextAreaElement;

type Open = { query: TemplateQuery | null; active: number };

/**
 * `{{ }}` autocomplete for one text field: typing `{{` (or Ctrl+Space) opens the list, arrows
 * move, Enter/Tab insert `{{ path }}`, Escape closes. `commit` receives the new text.
 */
export function useTemplateAutocomplete(suggestions: readonly VariableSuggestion[], commit: (text: string) => void) {
  const [open, setOpen] = useState<Open | null>(null);
  const matches = open ? filterSuggestions(suggestions, open.query?.query ?? '') : [];

  function track(element: Editable) {
    const query = templateQueryAt(element.value, element.selectionStart ?? element.value.length);
    setOpen((current) => (query ? { query, active: current?.query?.start === query.start ? current.active : 0 } : null));
  }

  function choose(element: Editable, suggestion: VariableSuggestion) {
    const caret = element.selectionStart ?? element.value.length;
    const next = insertTemplate(element.value, caret, suggestion.path, open?.query ?? null);
    commit(next.text);
    setOpen(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<Editable>) {
    if (event.ctrlKey && (event.key === ' ' || event.code === 'Space')) {
      event.preventDefault();
      const element = event.currentTarget;
      setOpen({ query: templateQueryAt(element.value, element.selectionStart ?? element.value.length), active: 0 });
      return;
    }
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(null);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen({ ...open, active: matches.length === 0 ? 0 : (open.active + step + matches.length) % matches.length });
    } else if ((event.key === 'Enter' || event.key === 'Tab') && matches[open.active]) {
      event.preventDefault();
      choose(event.currentTarget, matches[open.active]!);
    }
  }

  return { isOpen: !!open, matches, active: open?.active ?? 0, track, choose, onKeyDown, close: () => setOpen(null) };
}
