import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowGraphSchema, InMemoryRuntime, NodeRegistry } from '@fluxo/engine';
import type { FlowGraph } from '@fluxo/engine';
import { builtinNodes } from '@fluxo/nodes';

export type ExampleFile = { name: string; description: string; graph: FlowGraph };

/** Reads an example flow as the import endpoint will: the file's JSON, graph checked by the schema. */
export function loadExample(file: string): ExampleFile {
  const json = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'flows', file), 'utf8')) as ExampleFile;
  return { ...json, graph: flowGraphSchema.parse(json.graph) };
}

export function registry(): NodeRegistry {
  return new NodeRegistry(builtinNodes);
}

/** A runtime with the example published, its clock at `now` (an ISO time). */
export function runtimeWith(file: string, now: string): InMemoryRuntime {
  const runtime = new InMemoryRuntime({ registry: registry(), timeZone: 'America/Sao_Paulo' });
  runtime.clock.set(now);
  const example = loadExample(file);
  runtime.flows.publish(file.replace('.json', ''), example.graph, example.name);
  return runtime;
}
