import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0f766e');

/** The website widget: which pages may embed it, and how it looks. */
export const webchatConfigSchema = z.object({
  /** Origins (scheme://host[:port]) whose pages may open the widget; `*` allows any (not recommended). */
  allowedOrigins: z.array(z.union([z.literal('*'), z.url().transform((url) => new URL(url).origin)])).min(1),
  title: z.string().trim().min(1).max(60).default('Fale conosco'),
  subtitle: z.string().trim().max(120).optional(),
  primaryColour: colour.default('#0f766e'),
  /** The first line shown before the visitor writes; the flow's own welcome follows their first message. */
  greeting: z.string().trim().max(500).optional(),
});

export type WebchatConfig = z.infer<typeof webchatConfigSchema>;

export function parseWebchatConfig(config: unknown): WebchatConfig {
  return webchatConfigSchema.parse(config);
}
