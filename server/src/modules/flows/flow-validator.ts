import { Injectable } from '@nestjs/common';
import { NodeRegistry, validateGraph } from '@fluxo/engine';
import type { FlowGraph, GraphProblem, ValidationMode } from '@fluxo/engine';
import { flowInvalid } from './flows.errors';

/** The engine's graph validation against this process's node registry. */
@Injectable()
export class FlowValidator {
  constructor(private readonly registry: NodeRegistry) {}

  /** Problems by node id: warnings on save (a draft may be half-built), errors on publish. */
  problems(graph: FlowGraph, mode: ValidationMode): GraphProblem[] {
    return validateGraph(graph, this.registry, mode);
  }

  /** Throws FLOW_INVALID (422) unless the graph can be published as it is. */
  assertPublishable(graph: FlowGraph): void {
    const problems = validateGraph(graph, this.registry, 'publish');
    if (problems.length) throw flowInvalid(problems);
  }
}
