import { createContext, useContext } from 'react';
import type { NodeTypeView } from '../types';

/** The node catalog by `type@version`, and by `type` for the latest version. */
export type NodeCatalog = { byKey: Map<string, NodeTypeView>; all: NodeTypeView[] };

export function buildNodeCatalog(views: NodeTypeView[]): NodeCatalog {
  const byKey = new Map<string, NodeTypeView>();
  for (const view of views) {
    byKey.set(`${view.type}@${view.version}`, view);
    if (view.latest !== false || !byKey.has(view.type)) byKey.set(view.type, view);
  }
  return { byKey, all: views };
}

export const NodeCatalogContext = createContext<NodeCatalog>(buildNodeCatalog([]));

/** The view a node is pinned to; `undefined` for a type this server does not know. */
export function useNodeTypeView(type: string, version: number): NodeTypeView | undefined {
  const catalog = useContext(NodeCatalogContext);
  return catalog.byKey.get(`${type}@${version}`) ?? catalog.byKey.get(type);
}
