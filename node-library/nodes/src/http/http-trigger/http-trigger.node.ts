import { z } from 'zod';
import { defineNode, next, ui } from '@fluxo/node-sdk';
import type { HttpTriggerInput, JsonObject, JsonValue, TriggerMatch } from '@fluxo/node-sdk';
import { constantTimeEqual } from './constant-time';

export const HTTP_TRIGGER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const DEFAULT_SECRET_HEADER = 'x-fluxo-secret';

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

const httpTriggerConfig = z
  .object({
    method: ui(z.enum(HTTP_TRIGGER_METHODS).default('POST'), { label: 'Método', widget: 'select' }),
    path: ui(
      z
        .string()
        .trim()
        .max(200)
        .regex(/^[a-z0-9][a-z0-9-_/]*$/, 'Use lowercase letters, digits, -, _ and /, without a leading slash.')
        .refine((path) => !path.includes('//'), 'The path has an empty segment (//).'),
      { label: 'Caminho', help: 'A URL fica /hooks/<conta>/<caminho>.', placeholder: 'pedidos/novo' },
    ),
    conversationKey: ui(
      z
        .string()
        .trim()
        .max(500)
        .refine((key) => key.includes('{{'), 'The conversation key must be a template over the request, like {{ body.from }}.')
        .default('{{ body.from }}'),
      {
        label: 'Chave da conversa',
        help: 'Identifica a conversa a partir da requisição (body, query, headers). Se ficar vazia, a chamada não inicia o fluxo.',
        placeholder: '{{ body.phone }}',
        templated: true,
      },
    ),
    secretHeader: ui(z.string().trim().regex(HEADER_NAME, 'Not a valid header name.').optional(), {
      label: 'Cabeçalho do segredo',
      help: `Padrão: ${DEFAULT_SECRET_HEADER}.`,
      placeholder: DEFAULT_SECRET_HEADER,
    }),
    secretName: ui(z.string().trim().min(1).max(100).optional(), {
      label: 'Segredo',
      help: 'Nome do segredo da conta que a chamada deve enviar no cabeçalho. Sem ele, qualquer um com a URL dispara o fluxo.',
      widget: 'secret',
    }),
  })
  .refine((config) => config.secretHeader === undefined || config.secretName !== undefined, {
    path: ['secretHeader'],
    message: 'A secret header needs a secret to compare it with: choose the secret too.',
  });

export type HttpTriggerConfig = z.output<typeof httpTriggerConfig>;

/**
 * Whether an HTTP call starts this trigger's flow, and for which conversation. Pure apart from
 * the secret lookup, so the matching rules are tested without an engine.
 */
export async function matchHttpTrigger(input: HttpTriggerInput<HttpTriggerConfig>): Promise<TriggerMatch | 'unauthorized' | null> {
  const { config, request } = input;
  if (request.method.toUpperCase() !== config.method) return null;
  const path = normalizePath(request.path);
  if (path !== normalizePath(config.path)) return null;

  const headers = lowercaseHeaders(request.headers);
  if (config.secretName !== undefined) {
    const headerName = (config.secretHeader ?? DEFAULT_SECRET_HEADER).toLowerCase();
    if (!(await hasSecret(input, headers[headerName], config.secretName))) return 'unauthorized';
    // The secret must not reach trigger outputs, traces or templates.
    delete headers[headerName];
  }

  const outputs: JsonObject = { body: toPlainJson(request.body), query: { ...request.query }, headers, method: config.method, path };
  const conversationKey = input.render(config.conversationKey, outputs).trim();
  // A call whose key renders empty cannot be routed to a conversation, so it does not start one.
  if (!conversationKey) return null;
  return { priority: 0, specificity: 1, conversationKey, outputs };
}

/** Starts a flow when an outside system calls its URL (`/hooks/<tenant>/<path>`). */
export const httpTrigger = defineNode({
  type: 'fluxo.httpTrigger',
  version: 1,
  title: 'Gatilho HTTP',
  description: 'Inicia o fluxo quando um sistema externo chama a URL do gatilho.',
  category: 'triggers',
  icon: 'webhook',
  config: httpTriggerConfig,
  outputs: [{ id: 'out', label: 'Ao receber' }],
  // Rendered against the request by the matcher, not against the conversation.
  rawConfigKeys: ['conversationKey'],
  trigger: { on: 'http', match: matchHttpTrigger },
  execute() {
    // The engine exposes the match outputs as `{{ trigger.* }}`; nothing is left to do here.
    return next('out');
  },
});

async function hasSecret(input: HttpTriggerInput<HttpTriggerConfig>, sent: string | undefined, secretName: string): Promise<boolean> {
  if (!sent) return false;
  let expected: string;
  try {
    expected = await input.secrets.get(secretName);
  } catch {
    // A secret the tenant deleted or never set locks the trigger rather than opening it.
    return false;
  }
  return expected !== '' && constantTimeEqual(sent, expected);
}

function normalizePath(path: string): string {
  return path.trim().replace(/^\/+|\/+$/g, '').toLowerCase();
}

function lowercaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  return out;
}

/** The body as plain JSON (it is stored with the conversation); anything else becomes null. */
function toPlainJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : (JSON.parse(text) as JsonValue);
  } catch {
    return null; // cycles or BigInt cannot be stored
  }
}
