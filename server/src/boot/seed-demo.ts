import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../modules/auth/auth.service';
import { ChannelsService } from '../modules/channels/channels.service';
import { FlowVersionsService } from '../modules/flows/flow-versions.service';
import { FlowsService } from '../modules/flows/flows.service';
import type { AppConfig } from '../platform/config/app-config';
import type { AuthContext } from '../platform/auth/roles';
import { queryOne } from '../platform/database/sql';
import { logger } from '../platform/logging/logger';

export const DEMO_LOGIN = { email: 'demo@fluxo.local', password: 'fluxo-demo' } as const;

/**
 * On a fresh embedded database: a demo tenant whose owner can log in at once, with every example
 * flow imported and published, so the first `npm start` has something to open and chat with.
 */
export async function seedDemoTenant(app: INestApplicationContext, config: AppConfig): Promise<void> {
  const dataSource = app.get(DataSource);
  if (await queryOne(dataSource, `SELECT 1 FROM tenants LIMIT 1`)) return;
  const session = await app.get(AuthService).signup({ tenantName: 'Clínica Sorriso (demo)', name: 'Demo', email: DEMO_LOGIN.email, password: DEMO_LOGIN.password });
  const auth: AuthContext = { tenantId: session.tenant.id, userId: session.user.id, role: 'owner', via: 'session' };
  const folder = findExamplesFolder();
  const published: Array<{ id: string; name: string; file: string }> = [];
  for (const file of folder ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : []) {
    const flow = await app.get(FlowsService).importFlow(auth, JSON.parse(readFileSync(join(folder!, file), 'utf8')));
    await app.get(FlowVersionsService).publishVersion(auth, flow.id, undefined, { changelog: `Example from examples/flows/${file}`, liveConversations: 'drain' });
    published.push({ id: flow.id, name: flow.name, file });
  }
  const chat = await seedWebsiteChat(app, auth, config, published.find((flow) => flow.file === 'clinic-menu.json')?.id);
  logger.info({ tenant: session.tenant.name, flows: published.map((flow) => flow.name) }, 'seeded the demo tenant');
  console.log(`\n  Fluxo is running at ${config.publicUrl}\n  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n  Published example flows: ${published.map((flow) => flow.name).join(', ') || 'none found'}\n  Website chat demo: ${chat}\n`);
}

/** A website chat running the clinic example, with a page to try it on (the server's own origin). */
async function seedWebsiteChat(app: INestApplicationContext, auth: AuthContext, config: AppConfig, clinicFlowId: string | undefined): Promise<string> {
  const origins = new Set([new URL(config.publicUrl).origin]);
  const local = new URL(config.publicUrl);
  if (local.hostname === 'localhost') origins.add(`${local.protocol}//127.0.0.1${local.port ? `:${local.port}` : ''}`);
  const channel = await app.get(ChannelsService).createChannel(auth, {
    type: 'webchat', name: 'Site (demo)', config: { allowedOrigins: [...origins], title: 'Clínica Sorriso', subtitle: 'Respondemos na hora' },
    ...(clinicFlowId ? { flowIds: [clinicFlowId] } : {}),
  });
  return channel.widget!.scriptUrl.replace('/widget.js?', '/widget/demo?');
}

/** examples/flows at the repository root, whether running from src (tests) or dist. */
function findExamplesFolder(): string | undefined {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'examples', 'flows');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
