import type { Provider } from '@nestjs/common';
import { NodeRegistry } from '@fluxo/engine';
import { builtinNodes } from '@fluxo/nodes';

/**
 * The process's node registry, injected by its class. Built from definitions (the built-ins
 * today; published custom nodes will be registered into the same instance), never a switch.
 */
export const nodeRegistryProvider: Provider = {
  provide: NodeRegistry,
  useFactory: () => new NodeRegistry(builtinNodes),
};
