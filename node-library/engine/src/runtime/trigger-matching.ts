import type { ContactInfo, HttpTriggerRequest, InboundMessage, SecretsPort, TemplateRenderer, TriggerMatch } from '@fluxo/node-sdk';
import type { CompiledFlow, CompiledNode } from './compile-flow';

export type TriggerCandidate = { flow: CompiledFlow; node: CompiledNode; match: TriggerMatch };

/** Highest priority wins, then the most specific trigger, then the earliest flow and node. */
function better(a: TriggerCandidate, b: TriggerCandidate | undefined): boolean {
  if (!b) return true;
  if (a.match.priority !== b.match.priority) return a.match.priority > b.match.priority;
  return a.match.specificity > b.match.specificity;
}

export function matchMessageTriggers(flows: CompiledFlow[], message: InboundMessage, contact: ContactInfo): TriggerCandidate | undefined {
  let best: TriggerCandidate | undefined;
  for (const flow of flows) {
    for (const node of flow.triggers) {
      const trigger = node.def?.trigger;
      if (trigger?.on !== 'message') continue;
      const match = trigger.match({ config: node.config, message, contact });
      if (match) {
        const candidate = { flow, node, match };
        if (better(candidate, best)) best = candidate;
      }
    }
  }
  return best;
}

/**
 * The HTTP trigger a request is for. 'unauthorized' when a trigger with that method and path
 * exists but the request lacks its secret (and no other trigger accepts it).
 */
export async function matchHttpTriggers(
  flows: CompiledFlow[],
  request: HttpTriggerRequest,
  secrets: SecretsPort,
  renderer: TemplateRenderer,
): Promise<TriggerCandidate | 'unauthorized' | null> {
  let best: TriggerCandidate | undefined;
  let refused = false;
  for (const flow of flows) {
    for (const node of flow.triggers) {
      const trigger = node.def?.trigger;
      if (trigger?.on !== 'http') continue;
      const match = await trigger.match({ config: node.config, request, secrets, render: (template, scope) => renderer.render(template, scope) });
      if (match === 'unauthorized') refused = true;
      else if (match) {
        const candidate = { flow, node, match };
        if (better(candidate, best)) best = candidate;
      }
    }
  }
  return best ?? (refused ? 'unauthorized' : null);
}
