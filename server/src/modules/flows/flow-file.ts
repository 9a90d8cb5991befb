import { z } from 'zod';
import { flowGraphSchema } from '@fluxo/engine';
import type { FlowGraph } from '@fluxo/engine';
import { flowSettingsSchema, MAX_FLOW_NAME } from './flows.dto';
import type { FlowSettingsView } from './flows.dto';
import { invalidFlowFile } from './flows.errors';

/** The download format. `fluxoExport` is the format's version: a reader refuses one it does not know. */
export type FlowExport = { fluxoExport: 1; name: string; graph: FlowGraph; settings: FlowSettingsView; exportedAt: string };

export const FLOW_EXPORT_FORMAT = 1;
const UNNAMED = 'Fluxo importado';

/**
 * What import accepts: an export (`fluxoExport: 1`), a file from `examples/flows/` (name,
 * description and graph), or a bare graph. Unknown top-level keys are ignored.
 */
const flowFileSchema = z.object({
  fluxoExport: z.literal(FLOW_EXPORT_FORMAT, `this export format is not supported (this server reads format ${FLOW_EXPORT_FORMAT})`).optional(),
  name: z.string().trim().min(1).max(500).optional(),
  description: z.string().max(10_000).optional(),
  graph: flowGraphSchema,
  settings: flowSettingsSchema.optional(),
});

export type ParsedFlowFile = { name: string; graph: FlowGraph; settings: FlowSettingsView };

export function parseFlowFile(body: unknown): ParsedFlowFile {
  const input = isBareGraph(body) ? { graph: body } : body;
  const parsed = flowFileSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw invalidFlowFile(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(file)', message: issue.message })));
  }
  const { name, graph, settings } = parsed.data;
  // Example files keep the fallback message inside the graph; the flow's settings are where the studio edits it.
  const fallbackMessage = settings?.fallbackMessage ?? graph.settings?.fallbackMessage;
  return {
    name: truncate(name ?? UNNAMED, MAX_FLOW_NAME),
    graph,
    settings: flowSettingsSchema.parse({ ...settings, ...(fallbackMessage ? { fallbackMessage } : {}) }),
  };
}

function isBareGraph(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'schemaVersion' in body && 'nodes' in body && !('graph' in body);
}

/** "Menu" is taken: "Menu (2)", then "Menu (3)"… so two imports of one file stay tellable apart. */
export function uniqueFlowName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${truncate(wanted, MAX_FLOW_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * `Content-Disposition` for a download: an ASCII file name from the flow's name, plus the exact
 * name in UTF-8 for browsers that read `filename*`.
 */
export function exportContentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'fluxo';
  const encoded = encodeURIComponent(`${name}.json`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.json"; filename*=UTF-8''${encoded}`;
}

function truncate(text: string, max: number): string {
  return [...text].slice(0, max).join('').trim();
}
