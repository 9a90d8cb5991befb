import type { ChannelType } from './adapters/channel-adapter';
import { queryOne, queryRows } from '../../platform/database/sql';
import type { Queryable } from '../../platform/database/sql';

export type ChannelStatus = 'active' | 'disconnected' | 'error';

export type ChannelOptions = {
  /** A human answered from the business's phone: the bot keeps quiet this long. Default 60; 0 never pauses. */
  pauseBotMinutes?: number;
  /** Group chats reach flows only when enabled. */
  allowGroups?: boolean;
};

/** A channels row; `sealed_secrets` opens to the secret half of the config. */
export type ChannelRow = {
  id: string;
  tenant_id: string;
  type: ChannelType;
  name: string;
  settings: Record<string, unknown>;
  sealed_secrets: string | null;
  options: ChannelOptions;
  flow_ids: string[] | null;
  webhook_token: string;
  account_id: string | null;
  status: ChannelStatus;
  status_detail: string | null;
  created_at: Date;
  updated_at: Date;
};

export type NewChannelRow = Pick<ChannelRow, 'tenant_id' | 'type' | 'name' | 'settings' | 'sealed_secrets' | 'options' | 'flow_ids' | 'webhook_token' | 'account_id'> & { id: string };

const COLUMNS = 'id, tenant_id, type, name, settings, sealed_secrets, options, flow_ids, webhook_token, account_id, status, status_detail, created_at, updated_at';

/** SQL of the channels table. Tenant-scoped reads run inside a tenant transaction (row-level security). */
export const channelsRepository = {
  async insert(db: Queryable, row: NewChannelRow): Promise<ChannelRow> {
    return (await queryOne<ChannelRow>(db,
      `INSERT INTO channels (id, tenant_id, type, name, settings, sealed_secrets, options, flow_ids, webhook_token, account_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [row.id, row.tenant_id, row.type, row.name, JSON.stringify(row.settings), row.sealed_secrets, JSON.stringify(row.options), row.flow_ids, row.webhook_token, row.account_id]))!;
  },

  async list(db: Queryable, tenantId: string): Promise<ChannelRow[]> {
    return queryRows<ChannelRow>(db, `SELECT ${COLUMNS} FROM channels WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
  },

  async find(db: Queryable, tenantId: string, id: string, lock = false): Promise<ChannelRow | undefined> {
    return queryOne<ChannelRow>(db, `SELECT ${COLUMNS} FROM channels WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  },

  /** Webhooks name a channel, not a tenant: this read runs with the server's own rights. */
  async findForWebhook(db: Queryable, id: string): Promise<ChannelRow | undefined> {
    return queryOne<ChannelRow>(db, `SELECT ${COLUMNS} FROM channels WHERE id = $1`, [id]);
  },

  async findWhatsAppByAccount(db: Queryable, phoneNumberId: string): Promise<ChannelRow | undefined> {
    return queryOne<ChannelRow>(db, `SELECT ${COLUMNS} FROM channels WHERE type = 'whatsapp_cloud' AND account_id = $1`, [phoneNumberId]);
  },

  async update(db: Queryable, row: ChannelRow): Promise<ChannelRow> {
    return (await queryOne<ChannelRow>(db,
      `UPDATE channels SET name = $3, settings = $4, sealed_secrets = $5, options = $6, flow_ids = $7, account_id = $8, status = $9, status_detail = $10, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [row.tenant_id, row.id, row.name, JSON.stringify(row.settings), row.sealed_secrets, JSON.stringify(row.options), row.flow_ids, row.account_id, row.status, row.status_detail]))!;
  },

  async setStatus(db: Queryable, id: string, status: ChannelStatus, detail: string | null): Promise<void> {
    await db.query(`UPDATE channels SET status = $2, status_detail = $3, updated_at = now() WHERE id = $1`, [id, status, detail]);
  },

  async remove(db: Queryable, tenantId: string, id: string): Promise<boolean> {
    return Boolean(await queryOne(db, `DELETE FROM channels WHERE tenant_id = $1 AND id = $2 RETURNING id`, [tenantId, id]));
  },

  async existingFlowIds(db: Queryable, tenantId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await queryRows<{ id: string }>(db, `SELECT id FROM flows WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids])).map((row) => row.id);
  },
};
