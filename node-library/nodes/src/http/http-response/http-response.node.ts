import { z } from 'zod';
import { defineNode, next, NodeConfigError, ui } from '@fluxo/node-sdk';
import type { JsonValue } from '@fluxo/node-sdk';

/** RFC 9110 token characters: anything else cannot be a header name. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

/** Answers the HTTP call that started the flow (HTTP trigger flows). */
export const httpResponse = defineNode({
  type: 'fluxo.httpResponse',
  version: 1,
  title: 'Resposta HTTP',
  description: 'Responde à chamada que iniciou o fluxo pelo gatilho HTTP.',
  category: 'tools',
  icon: 'reply',
  config: z.object({
    status: ui(z.number().int().min(100).max(599).default(200), { label: 'Status', widget: 'number' }),
    body: ui(z.string().max(100_000).default('{}'), {
      label: 'Corpo (JSON)',
      help: 'Para inserir texto de uma variável use o filtro json: {"nome": {{ vars.nome | json }}}.',
      placeholder: '{"ok": true}',
      templated: true,
      widget: 'code',
    }),
    headers: ui(
      z.record(z.string().regex(HEADER_NAME, 'Not a valid header name.'), z.string().max(4_000)).optional(),
      { label: 'Cabeçalhos', widget: 'keyValue', templated: true },
    ),
  }),
  outputs: [{ id: 'out', label: 'Próximo' }],
  errorPort: true,
  execute(ctx) {
    const { status, headers } = ctx.config;
    const body = parseBody(ctx.config.body);
    if (headers) assertSafeHeaderValues(headers);
    ctx.respondHttp(headers ? { status, headers, body } : { status, body });
    return next('out', { status });
  },
});

function parseBody(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NodeConfigError(
      `The response body is not valid JSON after rendering (${reason}). Put text values through the json filter, e.g. {"name": {{ vars.name | json }}}.`,
      'RESPONSE_BODY_INVALID',
      { cause: error },
    );
  }
}

/** Header values come from templates; a line break in one would let a value forge more headers. */
function assertSafeHeaderValues(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n\0]/.test(value)) throw new NodeConfigError(`Header "${name}" has a line break in its value.`, 'RESPONSE_HEADER_INVALID');
  }
}
