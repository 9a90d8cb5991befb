import { ChannelsService } from '../../../src/modules/channels/channels.service';
import { useTestApp } from '../../support/test-app';

const whatsApp = {
  phoneNumberId: '118273645509182',
  accessToken: 'EAAG-access-token-secret',
  appSecret: '4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a99',
  verifyToken: 'verifica-clinica-sorriso-2026',
};

describe('channels API (Postgres)', () => {
  const t = useTestApp();

  it('creates a channel with its webhook URL, keeps secrets sealed and never returns them', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/channels', { token: owner.token, body: { type: 'whatsapp_cloud', name: 'WhatsApp da clínica', config: whatsApp } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'whatsapp_cloud', name: 'WhatsApp da clínica', status: 'active', flowIds: null, pauseBotMinutes: 60, allowGroups: false,
      webhookUrl: `${t.config.publicUrl}/webhooks/whatsapp-cloud/${created.body.id}`,
      config: { phoneNumberId: '118273645509182', accessToken: '••••••••', appSecret: '••••••••', verifyToken: '••••••••', apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' },
    });
    const listed = await t.client.request('GET', '/api/channels', { token: owner.token });
    const fetched = await t.client.request('GET', `/api/channels/${created.body.id}`, { token: owner.token });
    for (const answer of [created, listed, fetched]) {
      for (const secret of Object.values(whatsApp).slice(1)) expect(JSON.stringify(answer.body)).not.toContain(secret);
    }
    const [row] = await t.database.dataSource.query(`SELECT settings, sealed_secrets FROM channels WHERE id = $1`, [created.body.id]);
    expect(JSON.stringify(row)).not.toContain('EAAG-access-token-secret');
    expect(row.settings).toEqual({ phoneNumberId: '118273645509182', apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' });
  });

  it('updates the config without touching secrets sent back masked or left out', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/channels', { token: owner.token, body: { type: 'whatsapp_cloud', name: 'WA', config: { ...whatsApp, phoneNumberId: '200000000000001' } } });
    const updated = await t.client.request('PUT', `/api/channels/${created.body.id}`, {
      token: owner.token,
      body: { name: 'WA Centro', config: { ...created.body.config, apiVersion: 'v26.0', accessToken: 'EAAG-rotated-token' }, pauseBotMinutes: 0, allowGroups: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'WA Centro', pauseBotMinutes: 0, allowGroups: true, config: { apiVersion: 'v26.0', accessToken: '••••••••', appSecret: '••••••••' } });
    const loaded = await t.app.get(ChannelsService).loadChannel(owner.tenantId, created.body.id);
    expect(loaded.config).toMatchObject({ accessToken: 'EAAG-rotated-token', appSecret: whatsApp.appSecret, verifyToken: whatsApp.verifyToken, apiVersion: 'v26.0' });
  });

  it('refuses bad config with 422 naming the field, and writes nothing', async () => {
    const owner = await t.client.signup();
    const missing = await t.client.request('POST', '/api/channels', { token: owner.token, body: { type: 'telegram', name: 'Bot', config: { botToken: 'not-a-token' } } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('CHANNEL_CONFIG_INVALID');
    expect(missing.body.error.message).toMatch(/botToken|secretToken/);
    expect(JSON.stringify(missing.body)).not.toContain('not-a-token');
    const badType = await t.client.request('POST', '/api/channels', { token: owner.token, body: { type: 'fax', name: 'x', config: {} } });
    expect(badType.status).toBe(400);
    const unknownFlow = await t.client.request('POST', '/api/channels', {
      token: owner.token, body: { type: 'telegram', name: 'Bot', config: { botToken: '123456:ABC-def_ghi', secretToken: 'segredo_123' }, flowIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknownFlow.status).toBe(422);
    const [{ count }] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM channels WHERE tenant_id = $1`, [owner.tenantId]);
    expect(count).toBe(0);
  });

  it('refuses a WhatsApp number another channel already receives (409)', async () => {
    const owner = await t.client.signup();
    const config = { ...whatsApp, phoneNumberId: '300000000000001' };
    expect((await t.client.request('POST', '/api/channels', { token: owner.token, body: { type: 'whatsapp_cloud', name: 'A', config } })).status).toBe(201);
    const other = await t.client.signup();
    const twice = await t.client.request('POST', '/api/channels', { token: other.token, body: { type: 'whatsapp_cloud', name: 'B', config } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CHANNEL_ACCOUNT_TAKEN');
  });

  it("answers 404 for another tenant's channel, and deletes with 204", async () => {
    const owner = await t.client.signup();
    const stranger = await t.client.signup();
    const created = await t.client.request('POST', '/api/channels', { token: owner.token, body: { type: 'webchat', name: 'Site', config: { allowedOrigins: ['https://clinica.example'] } } });
    expect(created.status).toBe(201);
    expect(created.body.widget.snippet).toContain('/widget.js?key=');
    for (const [method, body] of [['GET', undefined], ['PUT', { name: 'x' }], ['DELETE', undefined]] as const) {
      expect((await t.client.request(method, `/api/channels/${created.body.id}`, { token: stranger.token, body })).status).toBe(404);
    }
    expect((await t.client.request('GET', '/api/channels', { token: stranger.token })).body).toEqual([]);
    expect((await t.client.request('DELETE', `/api/channels/${created.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.client.request('GET', `/api/channels/${created.body.id}`, { token: owner.token })).status).toBe(404);
  });
});
