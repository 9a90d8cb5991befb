import { InboundIntake } from '../../src/runtime-host/inbound-intake';
import type { AddressedIntake } from '../../src/runtime-host/inbound-intake';
import { useTestApp } from '../support/test-app';

/** Maria writes on WhatsApp and on Telegram: two channel identities, two contacts until the tenant merges them. */
describe('contacts: the same person on two channels, merged by the tenant (Postgres)', () => {
  const t = useTestApp();
  let owner: { token: string; tenantId: string };
  let whatsapp: { conversationId: string };
  let telegram: { conversationId: string };

  const from = (tenantId: string, channel: string, address: string, externalId: string, contact: AddressedIntake['contact']) =>
    t.app.get(InboundIntake).receiveFrom({ tenantId, channel, address, type: 'text', externalId, contact, content: { kind: 'message', message: { type: 'text', text: externalId } } });
  const contactOf = async (conversationId: string) =>
    ((await t.database.dataSource.query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId]))[0] as { contact_id: string }).contact_id;

  beforeAll(async () => {
    owner = await t.client.signup();
    whatsapp = await from(owner.tenantId, 'whatsapp_cloud', '5511999990001', 'wamid.1', { key: '5511999990001', name: 'Maria Souza', phone: '+5511999990001' });
    telegram = await from(owner.tenantId, 'telegram', '777001', 'tg.1', { key: '777001', name: 'Maria' });
    await t.database.dataSource.query(`UPDATE contacts SET fields = $2 WHERE id = $1`, [await contactOf(telegram.conversationId), JSON.stringify({ plano: 'ouro', cidade: 'Recife' })]);
    await t.database.dataSource.query(`UPDATE contacts SET fields = $2 WHERE id = $1`, [await contactOf(whatsapp.conversationId), JSON.stringify({ cidade: 'São Paulo' })]);
  });

  it('keeps two contacts and two conversations until a merge', async () => {
    expect(telegram.conversationId).not.toBe(whatsapp.conversationId);
    const list = await t.client.request('GET', '/api/contacts', { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.map((c: { name: string }) => c.name).sort()).toEqual(['Maria', 'Maria Souza']);
    const found = await t.client.request('GET', '/api/contacts?search=souza', { token: owner.token });
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({ name: 'Maria Souza', phone: '+5511999990001', conversations: 1 });
  });

  it('merges one into the other: conversations move, gaps are filled, the kept contact wins conflicts, the merge is audited', async () => {
    const target = await contactOf(whatsapp.conversationId);
    const source = await contactOf(telegram.conversationId);
    // Only the merged identity was answered so far.
    const sourceAnswered = new Date('2026-01-02T03:04:05Z');
    await t.database.dataSource.query(`UPDATE contacts SET answered_at = $2 WHERE id = $1`, [source, sourceAnswered]);
    const merged = await t.client.request('POST', `/api/contacts/${target}/merge`, { token: owner.token, body: { contactId: source } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: target, name: 'Maria Souza', fields: { plano: 'ouro', cidade: 'São Paulo' }, mergedInto: null });
    expect(merged.body.identities.map((i: { channel: string }) => i.channel).sort()).toEqual(['telegram', 'whatsapp_cloud']);
    expect(merged.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([whatsapp.conversationId, telegram.conversationId].sort());
    // Still two conversations: each channel answers through its own.
    expect(await contactOf(telegram.conversationId)).toBe(target);
    const list = await t.client.request('GET', '/api/contacts', { token: owner.token });
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([target]);
    const gone = await t.client.request('GET', `/api/contacts/${source}`, { token: owner.token });
    expect(gone.body).toMatchObject({ id: source, mergedInto: target });
    // Answered before on either identity: the kept contact is no longer new (the earlier answer counts).
    const [kept] = await t.database.dataSource.query(`SELECT answered_at FROM contacts WHERE id = $1`, [target]);
    expect(kept.answered_at).toEqual(sourceAnswered);
    const [audit] = await t.database.dataSource.query(`SELECT details FROM audit_log WHERE action = 'contact.merged' AND target_id = $1`, [target]);
    expect(audit.details).toEqual({ mergedContactId: source, conversations: 1 });
  });

  it("starts the person's next conversation on the merged identity's channel on the kept contact", async () => {
    const target = await contactOf(whatsapp.conversationId);
    // A new Telegram chat of the same account (its old conversation was removed): the identity points at the kept contact.
    await t.database.dataSource.query(`DELETE FROM conversations WHERE id = $1`, [telegram.conversationId]);
    const again = await from(owner.tenantId, 'telegram', '777001', 'tg.2', { key: '777001', name: 'Maria' });
    expect(again.conversationId).not.toBe(telegram.conversationId);
    expect(await contactOf(again.conversationId)).toBe(target);
  });

  it('refuses a merge into itself (422), of a contact already merged (409), a bad body (400), and without the agent role (403)', async () => {
    const target = await contactOf(whatsapp.conversationId);
    const self = await t.client.request('POST', `/api/contacts/${target}/merge`, { token: owner.token, body: { contactId: target } });
    expect(self.status).toBe(422);
    const source = (await t.client.request('GET', `/api/contacts/${target}`, { token: owner.token })).body.identities[1].contactId as string;
    const twice = await t.client.request('POST', `/api/contacts/${target}/merge`, { token: owner.token, body: { contactId: source } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'CONTACT_ALREADY_MERGED', message: expect.stringMatching(/already merged/) });
    expect((await t.client.request('POST', `/api/contacts/${target}/merge`, { token: owner.token, body: { contactId: 'x' } })).status).toBe(400);
    await t.client.request('POST', '/api/users', { token: owner.token, body: { email: 'vera@example.com', name: 'Vera', role: 'viewer', password: 'vera-password' } });
    const viewer = await t.client.request('POST', '/api/auth/login', { body: { email: 'vera@example.com', password: 'vera-password' } });
    const other = await from(owner.tenantId, 'telegram', '777002', 'tg.3', { key: '777002', name: 'João' });
    const denied = await t.client.request('POST', `/api/contacts/${target}/merge`, { token: viewer.body.accessToken, body: { contactId: await contactOf(other.conversationId) } });
    expect(denied.status).toBe(403);
    expect(await contactOf(other.conversationId)).not.toBe(target);
  });

  it("answers 404 for another tenant's contacts, and merges nothing across tenants", async () => {
    const stranger = await t.client.signup();
    const theirs = await from(stranger.tenantId, 'telegram', '888001', 'tg.4', { key: '888001', name: 'Outra' });
    const theirContact = await contactOf(theirs.conversationId);
    const ours = await contactOf(whatsapp.conversationId);
    expect((await t.client.request('GET', `/api/contacts/${theirContact}`, { token: owner.token })).status).toBe(404);
    expect((await t.client.request('POST', `/api/contacts/${ours}/merge`, { token: owner.token, body: { contactId: theirContact } })).status).toBe(404);
    expect((await t.client.request('POST', `/api/contacts/${theirContact}/merge`, { token: owner.token, body: { contactId: ours } })).status).toBe(404);
    expect((await t.client.request('GET', '/api/contacts', { token: stranger.token })).body.map((c: { id: string }) => c.id)).toEqual([theirContact]);
    expect(await contactOf(theirs.conversationId)).toBe(theirContact);
  });
});
