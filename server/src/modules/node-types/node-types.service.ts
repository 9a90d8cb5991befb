import { Injectable } from '@nestjs/common';
import { NodeRegistry } from '@fluxo/engine';
import { toNodeTypeView } from './node-type-view';
import type { NodeTypeView } from './node-type-view';

@Injectable()
export class NodeTypesService {
  constructor(private readonly registry: NodeRegistry) {}

  /** Every registered type@version, newest version of each type marked `latest`, in registration (palette) order. */
  listNodeTypes(): NodeTypeView[] {
    const latestKeys = new Set(this.registry.list().map((def) => def.key));
    return this.registry.all().map((def) => toNodeTypeView(def, latestKeys.has(def.key)));
  }
}
