import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every tenant-owned table: tenant_id, an index on it, and row-level security (see enableTenantWall). */
const TENANT_TABLES = ['users', 'sessions', 'api_keys', 'flows', 'flow_versions', 'contacts', 'conversations', 'messages', 'turns', 'outbox', 'timers', 'audit_log'];

/**
 * The first schema. Row-level security is the second wall behind the services' own tenant
 * filters: requests run their queries as the `fluxo_tenant` role with `fluxo.tenant_id` set, and
 * that role sees only its tenant's rows, even if a query forgets its WHERE clause.
 */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        time_zone text NOT NULL DEFAULT 'America/Sao_Paulo',
        fallback_flow_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'agent', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- Login is by e-mail alone, so an address belongs to one account across tenants.
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'agent', 'viewer')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE login_attempts (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL
      );

      CREATE TABLE flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        graph jsonb NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        settings jsonb NOT NULL DEFAULT '{}',
        published_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE flow_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        flow_id uuid NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        version integer NOT NULL,
        graph jsonb NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        changelog text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (flow_id, version)
      );

      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        channel text NOT NULL,
        external_id text NOT NULL,
        name text,
        phone text,
        fields jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, channel, external_id)
      );

      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        channel text NOT NULL,
        -- The conversation key within its channel (a phone number, a chat id, an HTTP trigger key).
        external_key text NOT NULL,
        -- Simulations pin a source: the flow's draft or its published versions.
        source text NOT NULL DEFAULT 'live' CHECK (source IN ('live', 'draft', 'published')),
        flow_id uuid REFERENCES flows(id) ON DELETE SET NULL,
        flow_version integer,
        state jsonb,
        status text NOT NULL DEFAULT 'idle' CHECK (status IN ('idle', 'waiting', 'ended', 'failed')),
        last_inbound_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, channel, external_key)
      );
      CREATE INDEX conversations_flow_idx ON conversations (flow_id, flow_version) WHERE status = 'waiting';

      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        type text NOT NULL,
        content jsonb NOT NULL,
        channel text NOT NULL,
        external_id text,
        -- Inbound: received → processed. Outbound rows are written when delivered.
        status text NOT NULL,
        turn_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX messages_external_key ON messages (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX messages_conversation_idx ON messages (conversation_id, seq);
      CREATE INDEX messages_pending_idx ON messages (conversation_id, seq) WHERE direction = 'in' AND status = 'received';

      CREATE TABLE turns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        event jsonb NOT NULL,
        status text NOT NULL,
        flow_id uuid,
        flow_version integer,
        trace jsonb NOT NULL,
        error jsonb,
        duration_ms double precision NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX turns_conversation_idx ON turns (conversation_id, seq);

      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        turn_id uuid NOT NULL,
        -- Sent to the channel as its idempotency key: a retried delivery is recognised, never doubled.
        idempotency_key text NOT NULL UNIQUE,
        message jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE status = 'pending';

      CREATE TABLE timers (
        id text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        kind text NOT NULL DEFAULT 'node' CHECK (kind IN ('node', 'session', 'debounce')),
        fire_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX timers_pending_idx ON timers (fire_at) WHERE status = 'pending';

      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        actor_id uuid,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    for (const table of TENANT_TABLES) await db.query(`CREATE INDEX ${table}_tenant_idx ON ${table} (tenant_id)`);
    await enableTenantWall(db);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'timers', 'outbox', 'turns', 'messages', 'conversations', 'contacts', 'flow_versions', 'flows', 'login_attempts', 'api_keys', 'sessions', 'users', 'tenants']) {
      await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}

async function enableTenantWall(db: QueryRunner): Promise<void> {
  // Roles are cluster-wide: several databases (tests, staging) share this one.
  await db.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fluxo_tenant') THEN CREATE ROLE fluxo_tenant NOLOGIN; END IF;
    END $$;
  `);
  // The server's own user switches to the role per request (SET LOCAL ROLE).
  await db.query(`GRANT fluxo_tenant TO CURRENT_USER`);
  await db.query(`GRANT USAGE ON SCHEMA public TO fluxo_tenant`);
  await db.query(`GRANT SELECT, UPDATE ON tenants TO fluxo_tenant`);
  await db.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
  await db.query(`CREATE POLICY tenant_isolation ON tenants TO fluxo_tenant USING (id = current_setting('fluxo.tenant_id', true)::uuid)`);
  await db.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO fluxo_tenant`);
  for (const table of TENANT_TABLES) {
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO fluxo_tenant`);
    await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON ${table} TO fluxo_tenant
      USING (tenant_id = current_setting('fluxo.tenant_id', true)::uuid)
      WITH CHECK (tenant_id = current_setting('fluxo.tenant_id', true)::uuid)`);
  }
}
