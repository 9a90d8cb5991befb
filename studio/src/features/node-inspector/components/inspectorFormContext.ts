import { createContext, useContext } from 'react';
import type { VariableSuggestion } from '../lib/variableSuggestions';

/** What every field of one node's form needs besides its own schema and value. */
export type InspectorForm = {
  /** The server's problem for a config path (`buttons.0.title`), already in the person's words. */
  serverErrors: ReadonlyMap<string, string>;
  /** What `{{ }}` can name at this node. */
  suggestions: readonly VariableSuggestion[];
};

export const InspectorFormContext = createContext<InspectorForm>({ serverErrors: new Map(), suggestions: [] });

export const useInspectorForm = (): InspectorForm => useContext(InspectorFormContext);
