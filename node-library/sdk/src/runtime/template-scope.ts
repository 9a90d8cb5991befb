import type { ContactInfo, ConversationInfo } from '../context';
import type { JsonObject } from '../json';
import type { InboundMessage } from '../messages';

export type TemplateScopeInput = {
  vars: JsonObject;
  contact: ContactInfo;
  conversation: ConversationInfo;
  message: InboundMessage | undefined;
  trigger: JsonObject | undefined;
  nodes: Record<string, JsonObject>;
  /** The step's instant, as a Date or epoch ms. */
  now: Date | number;
};

/**
 * What `{{ }}` sees: `vars.*` (flow variables), `contact.*` (name, phone, fields.*),
 * `conversation.*`, `message.*` (the inbound message of this turn), `trigger.*` (what started
 * the run), `nodes.<nodeId>.*` (earlier nodes' outputs) and `now`.
 */
export function buildTemplateScope(input: TemplateScopeInput): Record<string, unknown> {
  return {
    vars: input.vars,
    contact: input.contact,
    conversation: input.conversation,
    message: input.message ?? {},
    trigger: input.trigger ?? {},
    nodes: input.nodes,
    now: isoString(input.now),
  };
}

/** Every step of a turn renders the same instant; toISOString is slow enough to show in profiles. */
let lastInstant = Number.NaN;
let lastIso = '';

function isoString(now: Date | number): string {
  const ms = typeof now === 'number' ? now : now.getTime();
  if (ms !== lastInstant) {
    lastIso = new Date(ms).toISOString();
    lastInstant = ms;
  }
  return lastIso;
}
