import { InProcessRuntimeEvents } from './turn-events';
import type { RuntimeEvent } from './turn-events';

describe('runtime events in one process', () => {
  it('keeps a failing listener from the publisher and from the listeners after it', async () => {
    const events = new InProcessRuntimeEvents();
    const seen: string[] = [];
    events.subscribe(() => {
      throw new Error('a gateway bug');
    });
    const unsubscribe = events.subscribe((event) => seen.push(event.type));
    const event = { type: 'outbound.delivered', tenantId: 't', conversationId: 'c', outboxId: 'o', message: { kind: 'text', text: 'oi' } } as RuntimeEvent;
    await expect(events.publish(event)).resolves.toBeUndefined();
    expect(seen).toEqual(['outbound.delivered']);
    unsubscribe();
    await events.publish(event);
    expect(seen).toHaveLength(1);
    await events.close();
  });
});
