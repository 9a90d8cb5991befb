import { InboundIntake } from '../../src/runtime-host/inbound-intake';
import type { AddressedIntake } from '../../src/runtime-host/inbound-intake';
import { inConversationTransaction } from '../../src/runtime-host/turn-store';
import { useTestApp } from '../support/test-app';

/** Rejects when `promise` takes longer than `ms`: the intake must not wait for a turn. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);
}

describe('the inbound intake (Postgres)', () => {
  const t = useTestApp();
  const db = () => t.database.dataSource;
  let tenantId: string;
  beforeAll(async () => {
    tenantId = (await t.client.signup()).tenantId;
  });

  const message = (address: string, externalId: string, extra: Partial<AddressedIntake> = {}): AddressedIntake => ({
    tenantId, channel: 'simulator', address, type: 'text', externalId, content: { kind: 'message', message: { type: 'text', text: externalId } }, ...extra,
  });

  it('makes one conversation of a burst of first messages from a new address, storing every message', async () => {
    const intake = t.app.get(InboundIntake);
    const received = await Promise.all(Array.from({ length: 8 }, (_, i) => intake.receiveFrom(message('5511977770001', `burst-${i}`))));
    expect(new Set(received.map((r) => r.conversationId)).size).toBe(1);
    expect(received.every((r) => !r.duplicate)).toBe(true);
    const [{ conversations }] = await db().query(`SELECT count(*)::int AS conversations FROM conversations WHERE tenant_id = $1 AND external_key = '5511977770001'`, [tenantId]);
    expect(conversations).toBe(1);
    const [{ messages }] = await db().query(`SELECT count(*)::int AS messages FROM messages WHERE conversation_id = $1 AND direction = 'in'`, [received[0]!.conversationId]);
    expect(messages).toBe(8);
  });

  it('stores a message while a turn of its conversation holds the conversation (the webhook does not wait for the turn)', async () => {
    const intake = t.app.get(InboundIntake);
    const { conversationId } = await intake.receiveFrom(message('5511977770002', 'first', { replyAddress: '5511977770002' }));
    let stored: Awaited<ReturnType<InboundIntake['receiveFrom']>> | undefined;
    await inConversationTransaction(db(), conversationId, async () => {
      stored = await within(intake.receiveFrom(message('5511977770002', 'during-the-turn', { replyAddress: '5511977770002' })), 3_000, 'the intake during a turn');
    });
    expect(stored).toMatchObject({ conversationId, duplicate: false });
  });

  it('moves the reply address when the channel names a new one, and keeps it when the channel names none', async () => {
    const intake = t.app.get(InboundIntake);
    const { conversationId } = await intake.receiveFrom(message('5511977770003', 'a', { replyAddress: '551177770003' }));
    await intake.receiveFrom(message('5511977770003', 'b', { replyAddress: '5511977770003' }));
    await intake.receiveFrom(message('5511977770003', 'c'));
    const [{ reply_address }] = await db().query(`SELECT reply_address FROM conversations WHERE id = $1`, [conversationId]);
    expect(reply_address).toBe('5511977770003');
  });

  it('stores webhooks that arrive together in one round trip, each in its order, and one bad message fails alone', async () => {
    const intake = t.app.get(InboundIntake);
    const queries: string[] = [];
    const driver = db().driver as unknown as { master: { on(event: string, listener: (client: { query: (...args: unknown[]) => unknown }) => void): void } };
    // Count the round trips the intake makes: every pooled connection's queries from here on.
    const seen = new WeakSet<object>();
    const watch = (client: { query: (...args: unknown[]) => unknown }) => {
      if (seen.has(client)) return;
      seen.add(client);
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].includes('fluxo_intake_from')) queries.push(args[0]);
        return query(...args);
      };
    };
    driver.master.on('acquire', watch);
    const addresses = Array.from({ length: 12 }, (_, i) => `55119777710${String(i).padStart(2, '0')}`);
    const settled = await Promise.allSettled([
      ...addresses.flatMap((address) => [intake.receiveFrom(message(address, `together-${address}-1`)), intake.receiveFrom(message(address, `together-${address}-2`))]),
      // Another tenant's id that does not exist: its contact cannot be stored.
      intake.receiveFrom({ ...message('5511977771099', 'no-such-tenant'), tenantId: '00000000-0000-4000-8000-000000000000' }),
    ]);
    expect(settled.slice(0, -1).every((each) => each.status === 'fulfilled')).toBe(true);
    expect(settled.at(-1)).toMatchObject({ status: 'rejected' });
    // 25 messages in a few batches, not a round trip each (the failed batch was run again one by one).
    expect(queries.filter((text) => text.split('EXECUTE fluxo_intake_from').length > 2).length).toBeGreaterThan(0);
    for (const address of addresses) {
      const texts = await db().query(`SELECT m.content -> 'message' ->> 'text' AS text FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE c.tenant_id = $1 AND c.external_key = $2 ORDER BY m.seq`, [tenantId, address]);
      expect(texts.map((row: { text: string }) => row.text)).toEqual([`together-${address}-1`, `together-${address}-2`]);
    }
  });

  it("fills the contact's gaps from the channel, keeps what it has, and does not rewrite a contact that lacks nothing", async () => {
    const intake = t.app.get(InboundIntake);
    const from = (externalId: string, contact: AddressedIntake['contact']) => intake.receiveFrom(message('5511977772001', externalId, { contact }));
    await from('c-1', { key: '5511977772001' });
    const contactOf = async () => (await db().query(`SELECT name, phone, aliases, xmin::text AS version FROM contacts WHERE tenant_id = $1 AND external_id = '5511977772001'`, [tenantId]))[0];
    expect(await contactOf()).toMatchObject({ name: null, phone: null, aliases: [] });
    await from('c-2', { key: '5511977772001', name: 'Maria', phone: '+5511977772001', aliases: ['551177772001'] });
    expect(await contactOf()).toMatchObject({ name: 'Maria', phone: '+5511977772001', aliases: ['551177772001'] });
    const filled = await contactOf();
    await from('c-3', { key: '5511977772001', name: 'Maria S.', phone: '+5511977772001', aliases: ['551177772001'] });
    expect(await contactOf()).toEqual(filled);
    await from('c-4', { key: '5511977772001', name: 'Maria S.', aliases: ['5511977772001-lid'] });
    const merged = await contactOf();
    expect(merged.name).toBe('Maria');
    expect([...merged.aliases].sort()).toEqual(['551177772001', '5511977772001-lid']);
  });
});
