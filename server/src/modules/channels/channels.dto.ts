import { z } from 'zod';
import { CHANNEL_TYPES } from './channel-types';

const name = z.string().trim().min(1).max(100);
const flowIds = z.array(z.uuid()).max(100).nullable();

export const createChannelSchema = z.object({
  type: z.enum(CHANNEL_TYPES),
  name,
  config: z.record(z.string(), z.unknown()),
  flowIds: flowIds.optional(),
  /** When a human answers from the business's phone, the bot keeps quiet this long (0 = never pauses). */
  pauseBotMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  /** Group chats reach flows only when enabled. */
  allowGroups: z.boolean().optional(),
});

/** Partial: a secret field left out (or sent back masked) keeps its stored value. */
export const updateChannelSchema = z.object({
  name: name.optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  flowIds: flowIds.optional(),
  pauseBotMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  allowGroups: z.boolean().optional(),
  status: z.enum(['active', 'disconnected']).optional(),
});

export type CreateChannelInput = z.infer<typeof createChannelSchema>;
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;
