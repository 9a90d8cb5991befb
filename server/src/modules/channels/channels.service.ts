import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../platform/auth/roles';
import { SECRET_KEY } from '../../platform/auth/token.service';
import { APP_CONFIG } from '../../platform/config/app-config';
import type { AppConfig } from '../../platform/config/app-config';
import { SecretBox } from '../../platform/crypto/secret-box';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { recordAudit } from '../audit/record-audit';
import type { ChannelConfig } from './adapters/channel-adapter';
import { channelSpec } from './channel-registry';
import { maskedConfig, mergeConfig, openConfig, sealConfig } from './channel-secrets';
import type { CreateChannelInput, UpdateChannelInput } from './channels.dto';
import { activationFailed, channelAccountTaken, channelNotFound, invalidChannelConfig, unknownFlows } from './channels.errors';
import { channelsRepository } from './channels.repository';
import type { ChannelRow } from './channels.repository';
import { toChannelView } from './channel-view';
import type { ChannelView } from './channel-view';

/** A channel as the runtime uses it: its row and its whole config (secrets included), never shown. */
export type LoadedChannel = { row: ChannelRow; config: ChannelConfig };

/**
 * How long a webhook or a delivery reuses a channel it loaded (row and decrypted config): every
 * webhook would otherwise cost a query and a decryption. Changes made through this process apply
 * at once; another process's within this time.
 */
const LOADED_TTL_MS = 5_000;

/** A tenant's connected numbers and bots: CRUD with sealed secrets, and the decrypted view adapters need. */
@Injectable()
export class ChannelsService {
  private readonly box: SecretBox;
  private readonly recent = new Map<string, { loaded: LoadedChannel; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SECRET_KEY) secretKey: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(secretKey);
  }

  async createChannel(auth: AuthContext, input: CreateChannelInput): Promise<ChannelView> {
    const spec = channelSpec(input.type);
    const config = validConfig(input.type, input.config);
    const id = randomUUID();
    const { settings, sealed } = sealConfig(this.box, { tenantId: auth.tenantId, channelId: id }, config, spec.secretFields);
    const row = await this.writing(spec.accountIdOf(config), () => inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      await this.checkFlows(db, auth.tenantId, input.flowIds ?? null);
      const created = await channelsRepository.insert(db, {
        id, tenant_id: auth.tenantId, type: input.type, name: input.name, settings, sealed_secrets: sealed,
        options: { pauseBotMinutes: input.pauseBotMinutes, allowGroups: input.allowGroups },
        flow_ids: input.flowIds ?? null, webhook_token: randomBytes(24).toString('base64url'), account_id: spec.accountIdOf(config) ?? null,
      });
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'channel.created', targetType: 'channel', targetId: id, details: { type: input.type } });
      return created;
    }));
    return this.view(row);
  }

  async listChannels(tenantId: string): Promise<ChannelView[]> {
    const rows = await inTenantTransaction(this.dataSource, tenantId, (db) => channelsRepository.list(db, tenantId));
    return rows.map((row) => this.view(row));
  }

  async getChannel(tenantId: string, id: string): Promise<ChannelView> {
    const row = await inTenantTransaction(this.dataSource, tenantId, (db) => channelsRepository.find(db, tenantId, id));
    if (!row) throw channelNotFound();
    return this.view(row);
  }

  async updateChannel(auth: AuthContext, id: string, input: UpdateChannelInput): Promise<ChannelView> {
    const accountId = typeof input.config?.phoneNumberId === 'string' ? input.config.phoneNumberId : undefined;
    const row = await this.writing(accountId, () => inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const stored = await channelsRepository.find(db, auth.tenantId, id, true);
      if (!stored) throw channelNotFound();
      const spec = channelSpec(stored.type);
      const ids = { tenantId: auth.tenantId, channelId: id };
      const config = input.config ? validConfig(stored.type, mergeConfig(openConfig(this.box, ids, stored.settings, stored.sealed_secrets), input.config, spec.secretFields)) : undefined;
      const sealedConfig = config ? sealConfig(this.box, ids, config, spec.secretFields) : { settings: stored.settings, sealed: stored.sealed_secrets };
      if (input.flowIds !== undefined) await this.checkFlows(db, auth.tenantId, input.flowIds);
      const updated = await channelsRepository.update(db, {
        ...stored,
        name: input.name ?? stored.name,
        settings: sealedConfig.settings,
        sealed_secrets: sealedConfig.sealed,
        options: { ...stored.options, ...definedOnly({ pauseBotMinutes: input.pauseBotMinutes, allowGroups: input.allowGroups }) },
        flow_ids: input.flowIds !== undefined ? input.flowIds : stored.flow_ids,
        account_id: config ? spec.accountIdOf(config) ?? null : stored.account_id,
        status: input.status ?? stored.status,
        status_detail: input.status ? null : stored.status_detail,
      });
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'channel.updated', targetType: 'channel', targetId: id, details: { fields: Object.keys(input) } });
      return updated;
    }));
    this.recent.delete(id);
    return this.view(row);
  }

  async deleteChannel(auth: AuthContext, id: string): Promise<void> {
    await inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      if (!(await channelsRepository.remove(db, auth.tenantId, id))) throw channelNotFound();
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'channel.deleted', targetType: 'channel', targetId: id });
    });
    this.recent.delete(id);
  }

  /** Registers the webhook with the provider (Telegram setWebhook, Evolution webhook/set). */
  async activateChannel(auth: AuthContext, id: string): Promise<ChannelView> {
    const loaded = await this.loadChannel(auth.tenantId, id);
    const adapter = channelSpec(loaded.row.type).adapter;
    if (adapter?.activate) {
      const result = await adapter.activate(loaded.config);
      if (!result.ok) {
        await this.setStatus(id, 'error', result.message);
        throw activationFailed(result.message);
      }
    }
    await this.setStatus(id, 'active', null);
    await inTenantTransaction(this.dataSource, auth.tenantId, (db) =>
      recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'channel.activated', targetType: 'channel', targetId: id }));
    return this.getChannel(auth.tenantId, id);
  }

  async loadChannel(tenantId: string, id: string): Promise<LoadedChannel> {
    const row = await inTenantTransaction(this.dataSource, tenantId, (db) => channelsRepository.find(db, tenantId, id));
    if (!row) throw channelNotFound();
    return this.loaded(row);
  }

  /** For webhooks, which name a channel and no tenant (and for deliveries): reused for a few seconds. */
  async loadForWebhook(id: string): Promise<LoadedChannel | undefined> {
    const cached = this.recent.get(id);
    if (cached && cached.until > performance.now()) return cached.loaded;
    // One statement with the server's own rights: a transaction around it would cost two more round trips per webhook.
    const row = await channelsRepository.findForWebhook(this.dataSource, id);
    if (!row) {
      this.recent.delete(id);
      return undefined;
    }
    const loaded = this.loaded(row);
    if (this.recent.size >= 10_000) this.recent.clear();
    this.recent.set(id, { loaded, until: performance.now() + LOADED_TTL_MS });
    return loaded;
  }

  /** Sets a channel's connection status (a provider event, an activation) and forgets the copy webhooks reuse. */
  async setStatus(id: string, status: ChannelRow['status'], detail: string | null): Promise<void> {
    await channelsRepository.setStatus(this.dataSource, id, status, detail);
    this.recent.delete(id);
  }

  async loadWhatsAppByAccount(phoneNumberId: string): Promise<LoadedChannel | undefined> {
    const row = await channelsRepository.findWhatsAppByAccount(this.dataSource, phoneNumberId);
    return row ? this.loaded(row) : undefined;
  }

  webhookUrl(row: Pick<ChannelRow, 'id' | 'type' | 'webhook_token'>): string | undefined {
    const path = channelSpec(row.type).webhookPath(row.id, row.webhook_token);
    return path ? `${this.config.publicUrl}${path}` : undefined;
  }

  private loaded(row: ChannelRow): LoadedChannel {
    const config = openConfig(this.box, { tenantId: row.tenant_id, channelId: row.id }, row.settings, row.sealed_secrets);
    return { row, config: { ...config, webhookUrl: this.webhookUrl(row) } };
  }

  private view(row: ChannelRow): ChannelView {
    const spec = channelSpec(row.type);
    const secrets = Object.keys(openConfig(this.box, { tenantId: row.tenant_id, channelId: row.id }, {}, row.sealed_secrets));
    return toChannelView(row, maskedConfig(row.settings, spec.secretFields, secrets), this.webhookUrl(row), this.config.publicUrl);
  }

  private async checkFlows(db: Parameters<typeof channelsRepository.existingFlowIds>[0], tenantId: string, flowIds: string[] | null): Promise<void> {
    if (!flowIds?.length) return;
    const found = new Set(await channelsRepository.existingFlowIds(db, tenantId, flowIds));
    const missing = flowIds.filter((flowId) => !found.has(flowId));
    if (missing.length) throw unknownFlows(missing);
  }

  /** The one unique constraint a tenant can hit (a WhatsApp number connected twice) becomes a 409. */
  private async writing<T>(accountId: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const pg = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
      if (pg.code === '23505' && (pg.constraint ?? pg.driverError?.constraint) === 'channels_whatsapp_account') throw channelAccountTaken(accountId ?? '');
      throw error;
    }
  }
}

function validConfig(type: ChannelRow['type'], config: Record<string, unknown>): Record<string, unknown> {
  try {
    return channelSpec(type).parseConfig(config);
  } catch (error) {
    throw invalidChannelConfig(type, describeConfigError(error));
  }
}

function describeConfigError(error: unknown): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (issues?.length) return issues.map((issue) => `${issue.path.map(String).join('.') || 'config'}: ${issue.message}`).join('; ');
  return (error as Error).message;
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
