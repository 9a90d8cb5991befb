import type { AnyNodeDefinition } from '@fluxo/node-sdk';
import { httpResponse, httpTrigger } from './http';
import { businessHours, condition, delay, endFlow, jumpToFlow, randomSplit, setVariable, switchNode } from './logic';
import { askQuestion, sendMessage } from './messages';
import { messageTrigger } from './triggers';

/** Every built-in node, in palette order. Hosts build their NodeRegistry from this list. */
export const builtinNodes: readonly AnyNodeDefinition[] = Object.freeze([
  messageTrigger,
  httpTrigger,
  sendMessage,
  askQuestion,
  condition,
  switchNode,
  setVariable,
  randomSplit,
  businessHours,
  delay,
  jumpToFlow,
  endFlow,
  httpResponse,
]);
