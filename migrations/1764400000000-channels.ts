import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messaging channels: a tenant's connected numbers and bots, and what delivery through them needs
 * (the provider's id of each sent message for status webhooks and echo detection, retry timing,
 * a dead-letter state, the 24-hour window, numbered menus, the bot pausing when a human answers).
 */
export class Channels1764400000000 implements MigrationInterface {
  name = 'Channels1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('whatsapp_cloud', 'evolution', 'telegram', 'twilio', 'webchat')),
        name text NOT NULL,
        -- The config without its secrets, which are sealed (AES-256-GCM) in sealed_secrets as one JSON object.
        settings jsonb NOT NULL DEFAULT '{}',
        sealed_secrets text,
        -- Fluxo's own behaviour on this channel: pauseBotMinutes (a human answered), allowGroups.
        options jsonb NOT NULL DEFAULT '{}',
        -- Which published flows' triggers apply; NULL means all of them.
        flow_ids uuid[],
        -- Unguessable: in the Evolution webhook URL, and the webchat widget's public key.
        webhook_token text NOT NULL UNIQUE,
        -- The provider account (phone_number_id, instance, bot id, AccountSid): a payload naming another is refused.
        account_id text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disconnected', 'error')),
        status_detail text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX channels_tenant_idx ON channels (tenant_id);
      -- One Meta app for many tenants routes by phone_number_id: it must name one channel.
      CREATE UNIQUE INDEX channels_whatsapp_account ON channels (account_id) WHERE type = 'whatsapp_cloud';

      ALTER TABLE conversations
        ADD COLUMN channel_id uuid REFERENCES channels(id) ON DELETE SET NULL,
        -- Where replies go (wa_id as received, remoteJid, chat id, Twilio From).
        ADD COLUMN reply_address text,
        -- A human answered from the business's own phone: the bot keeps quiet until then.
        ADD COLUMN bot_paused_until timestamptz,
        -- Options sent as numbered text, so "2" can be read as the second option's id.
        ADD COLUMN numbered_menu jsonb;

      -- Other ids seen for the same person (a LID, a BSUID, the legacy Brazilian number).
      ALTER TABLE contacts ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';

      ALTER TABLE messages
        ADD COLUMN status_at timestamptz,
        ADD COLUMN delivery_error jsonb;

      ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
      ALTER TABLE outbox
        ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN external_ids text[];
    `);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON channels TO fluxo_tenant`);
    await db.query(`ALTER TABLE channels ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON channels TO fluxo_tenant
      USING (tenant_id = current_setting('fluxo.tenant_id', true)::uuid)
      WITH CHECK (tenant_id = current_setting('fluxo.tenant_id', true)::uuid)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox DROP COLUMN external_ids, DROP COLUMN next_attempt_at, DROP CONSTRAINT outbox_status_check;
      ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed'));
      ALTER TABLE messages DROP COLUMN delivery_error, DROP COLUMN status_at;
      ALTER TABLE contacts DROP COLUMN aliases;
      ALTER TABLE conversations DROP COLUMN numbered_menu, DROP COLUMN bot_paused_until, DROP COLUMN reply_address, DROP COLUMN channel_id;
      DROP TABLE channels;
    `);
  }
}
