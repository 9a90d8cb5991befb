import { z } from 'zod';
import { flowGraphSchema } from '@fluxo/engine';

export const MAX_FLOW_NAME = 120;

export const flowNameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_FLOW_NAME);

/** An optional message; an empty one (a cleared form field) means "none". */
const optionalMessage = z
  .string()
  .trim()
  .max(4_096)
  .optional()
  .transform((text) => text || undefined);

/**
 * How the runtime treats conversations of this flow. Replaced as a whole on save: a field left
 * out goes back to its default.
 */
export const flowSettingsSchema = z.strictObject({
  /** Milliseconds to wait for more messages before a turn starts (bursts of short messages); 0 = off. */
  debounceMs: z.number().int().min(0).max(10_000).default(0),
  /** Minutes without customer messages after which a waiting conversation ends. */
  sessionTimeoutMinutes: z.number().int().min(1).max(43_200).default(1_440),
  /** Sent when a session times out; nothing when absent. */
  sessionEndMessage: optionalMessage,
  /** Sent when a node fails and its error port is not connected; the runtime's default when absent. */
  fallbackMessage: optionalMessage,
});

export type FlowSettingsView = z.output<typeof flowSettingsSchema>;

export const defaultFlowSettings = (): FlowSettingsView => flowSettingsSchema.parse({});

/** Stored settings with defaults filled in; a row written before a field existed still reads whole. */
export function readFlowSettings(stored: unknown): FlowSettingsView {
  const parsed = flowSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultFlowSettings();
}

export const createFlowSchema = z.object({
  name: flowNameSchema,
  /** Absent: the flow starts with a "message received" trigger connected to a welcome message. */
  graph: flowGraphSchema.optional(),
  settings: flowSettingsSchema.optional(),
});

export const updateFlowSchema = z
  .object({ name: flowNameSchema.optional(), graph: flowGraphSchema.optional(), settings: flowSettingsSchema.optional() })
  .refine((body) => body.name !== undefined || body.graph !== undefined || body.settings !== undefined, 'send at least one of name, graph, settings');

export const LIVE_CONVERSATION_POLICIES = ['drain', 'migrate', 'restart'] as const;
export type LiveConversationPolicy = (typeof LIVE_CONVERSATION_POLICIES)[number];

export const publishFlowSchema = z.object({
  changelog: z.string().trim().max(2_000).default(''),
  /** What happens to conversations still running an older version (see README). */
  liveConversations: z.enum(LIVE_CONVERSATION_POLICIES).default('drain'),
});

export const validationQuerySchema = z.object({ mode: z.enum(['save', 'publish']).default('publish') });

export type CreateFlowInput = z.infer<typeof createFlowSchema>;
export type UpdateFlowInput = z.infer<typeof updateFlowSchema>;
export type PublishFlowInput = z.infer<typeof publishFlowSchema>;
