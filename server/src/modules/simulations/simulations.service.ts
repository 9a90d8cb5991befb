import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { queryOne } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { AppError, notFound } from '../../platform/errors/app-error';
import type { StoredInbound } from '../../runtime-host/pending-event';
import type { TurnCompletedEvent } from '../../runtime-host/turn-events';
import { TurnWaiter } from '../../runtime-host/turn-waiter';

export const SIMULATOR_CHANNEL = 'simulator';
/** How long a simulator request waits for its turn before answering 202 (the socket still gets the replies). */
const TURN_WAIT_MS = 15_000;

export type SimulationReply = Pick<TurnCompletedEvent, 'status' | 'waitingFor' | 'trace' | 'vars'> & {
  turnId: string;
  replies: Array<{ id: string; message: OutboundMessage }>;
};

/**
 * The studio's test chat. A simulation is a real conversation on the `simulator` channel, pinned to
 * one flow's draft or published version, and goes through the same intake, queue and turn
 * pipeline as WhatsApp messages do.
 */
@Injectable()
export class SimulationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly waiter: TurnWaiter,
  ) {}

  async startSimulation(tenantId: string, flowId: string, source: 'draft' | 'published'): Promise<{ simulationId: string; source: string }> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => {
      const flow = await queryOne<{ published_version: number | null }>(db, `SELECT published_version FROM flows WHERE id = $1 AND tenant_id = $2`, [flowId, tenantId]);
      if (!flow) throw notFound('The flow');
      if (source === 'published' && !flow.published_version) {
        throw new AppError('conflict', 'FLOW_NOT_PUBLISHED', 'This flow has no published version yet: publish it, or simulate the draft.');
      }
      const key = `sim-${randomUUID()}`;
      const contact = (await queryOne<{ id: string }>(db,
        `INSERT INTO contacts (tenant_id, channel, external_id, name) VALUES ($1, $2, $3, 'Simulador') RETURNING id`, [tenantId, SIMULATOR_CHANNEL, key]))!;
      const conversation = (await queryOne<{ id: string }>(db,
        `INSERT INTO conversations (tenant_id, contact_id, channel, external_key, source, flow_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [tenantId, contact.id, SIMULATOR_CHANNEL, key, source, flowId]))!;
      return { simulationId: conversation.id, source };
    });
  }

  /** Sends the customer's text or button tap and answers with the bot's replies of that turn. */
  async sendMessage(tenantId: string, simulationId: string, input: { text?: string; buttonId?: string }): Promise<SimulationReply | { status: 'pending'; messageId: string }> {
    const conversation = await inTenantTransaction(this.dataSource, tenantId, (db) =>
      queryOne<{ id: string }>(db, `SELECT id FROM conversations WHERE id = $1 AND tenant_id = $2 AND channel = $3`, [simulationId, tenantId, SIMULATOR_CHANNEL]));
    if (!conversation) throw notFound('The simulation');
    const content = input.buttonId ? await this.buttonTap(simulationId, input.buttonId) : ({ kind: 'message', message: { type: 'text', text: input.text } } as StoredInbound);
    const type = input.buttonId ? 'interactive_reply' : 'text';
    const { messageId, turn } = await this.waiter.receiveAndAwait({ tenantId, conversationId: simulationId, channel: SIMULATOR_CHANNEL, type, content }, TURN_WAIT_MS);
    if (!turn) return { status: 'pending', messageId };
    return { turnId: turn.turnId, status: turn.status, replies: turn.replies, waitingFor: turn.waitingFor, trace: turn.trace ?? [], vars: turn.vars ?? {} };
  }

  /** A tap on a button the bot sent: its title comes from the bot's last message that offered it. */
  private async buttonTap(conversationId: string, buttonId: string): Promise<StoredInbound> {
    const offered = await queryOne<{ title: string | null }>(this.dataSource,
      `SELECT coalesce(b ->> 'title', r ->> 'title') AS title FROM outbox o
         LEFT JOIN LATERAL jsonb_array_elements(coalesce(o.message -> 'buttons', '[]'::jsonb)) b ON b ->> 'id' = $2
         LEFT JOIN LATERAL jsonb_array_elements(coalesce(o.message -> 'sections', '[]'::jsonb)) s ON true
         LEFT JOIN LATERAL jsonb_array_elements(coalesce(s -> 'rows', '[]'::jsonb)) r ON r ->> 'id' = $2
        WHERE o.conversation_id = $1 AND (b IS NOT NULL OR r IS NOT NULL) ORDER BY o.seq DESC LIMIT 1`, [conversationId, buttonId]);
    if (!offered) throw new AppError('unprocessable', 'UNKNOWN_BUTTON', `The bot never offered a button "${buttonId}" in this simulation.`);
    return { kind: 'message', message: { type: 'interactive_reply', text: offered.title ?? buttonId, interactive: { id: buttonId, title: offered.title ?? buttonId, source: 'simulator' } } };
  }
}
