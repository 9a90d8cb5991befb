import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { HttpTriggerRequest } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { AppError } from '../../platform/errors/app-error';
import { addToLogContext } from '../../platform/logging/log-context';
import { FlowCatalog } from '../../runtime-host/flow-catalog';
import { TurnWaiter } from '../../runtime-host/turn-waiter';
import { SecretsService } from '../secrets/secrets.service';

export const HTTP_CHANNEL = 'http';
/** How long the caller waits for the flow's HTTP response before getting 202. */
const RESPONSE_WAIT_MS = 10_000;

export type HookAnswer = { status: number; headers?: Record<string, string>; body: unknown };

/**
 * A published flow as an API endpoint, like n8n's webhook with "respond to webhook": the call is
 * stored and run as a turn of the conversation its key names, through the same durable pipeline
 * as any message, and answered with the flow's HTTP response node.
 */
@Injectable()
export class HooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: FlowCatalog,
    private readonly secrets: SecretsService,
    private readonly waiter: TurnWaiter,
  ) {}

  async handleCall(tenantId: string, request: HttpTriggerRequest): Promise<HookAnswer> {
    // An unknown tenant has no published flows, so it answers like an unknown path: 404.
    addToLogContext({ tenantId });
    const flows = this.catalog.source(this.dataSource, tenantId, { kind: 'live' });
    const target = await this.catalog.engine.matchHttpTrigger(request, this.secrets.portFor(this.dataSource, tenantId), flows);
    if (target === null) throw noTrigger(request);
    if (target === 'unauthorized') throw new AppError('unauthorized', 'HOOK_SECRET_INVALID', 'The secret header is missing or wrong.');
    // Without a key every call is a conversation of its own (a stateless endpoint).
    const key = target.match.conversationKey ? `${target.flowId}:${target.match.conversationKey}` : `${target.flowId}:call-${randomUUID()}`;
    const { conversationId, turn } = await this.waiter.receiveFromAndAwait({
      tenantId, channel: HTTP_CHANNEL, address: key, type: 'http', content: { kind: 'http', request, target },
    }, RESPONSE_WAIT_MS);
    addToLogContext({ conversationId });
    if (turn?.httpResponse) return turn.httpResponse;
    return { status: 202, body: { accepted: true, conversationId } };
  }
}

function noTrigger(request: HttpTriggerRequest): AppError {
  return new AppError('not_found', 'HOOK_NOT_FOUND', `No published flow has an HTTP trigger for ${request.method} ${request.path}: publish the flow, or check the method and path.`);
}
