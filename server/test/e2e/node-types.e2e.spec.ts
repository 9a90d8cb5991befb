import { builtinNodes } from '@fluxo/nodes';
import { useTestApp } from '../support/test-app';

describe('node types catalog (Postgres)', () => {
  const t = useTestApp();

  it('lists every built-in node with its JSON Schema, ports and credentials, to any member', async () => {
    const owner = await t.client.signup();
    const listed = await t.client.request('GET', '/api/node-types', { token: owner.token });
    expect(listed.status).toBe(200);
    expect(listed.body.map((n: { type: string; version: number }) => `${n.type}@${n.version}`)).toEqual(builtinNodes.map((def) => def.key));
    for (const node of listed.body) {
      expect(node).toEqual({
        type: expect.any(String), version: expect.any(Number), latest: true, title: expect.any(String), description: expect.any(String),
        category: expect.any(String), icon: expect.any(String), trigger: expect.any(Boolean), configSchema: expect.objectContaining({ type: 'object' }),
        defaultConfig: expect.any(Object), ports: expect.any(Array), portsDependOnConfig: expect.any(Boolean), errorPort: expect.any(Boolean),
        credentials: expect.any(Array),
      });
    }
    const byType = Object.fromEntries(listed.body.map((n: { type: string }) => [n.type, n]));

    const trigger = byType['fluxo.messageTrigger'];
    expect(trigger).toMatchObject({ trigger: true, portsDependOnConfig: false, ports: [{ id: 'out', label: 'Ao receber' }], defaultConfig: { mode: 'any' } });
    expect(trigger.configSchema.properties.mode).toMatchObject({ enum: ['any', 'keywords', 'regex', 'firstMessage'], title: 'Quando iniciar', 'x-fluxo': { widget: 'select' } });

    // Ports that depend on config come from the default config: a text message has one output, and the error port.
    expect(byType['fluxo.sendMessage']).toMatchObject({
      trigger: false, portsDependOnConfig: true, errorPort: true, ports: [{ id: 'out', label: 'Enviada' }, { id: 'error', label: 'Error' }], defaultConfig: { kind: 'text' },
    });
    // …and a switch without cases has none yet.
    expect(byType['fluxo.switch']).toMatchObject({ portsDependOnConfig: true, ports: [] });
    expect(byType['fluxo.httpResponse']).toMatchObject({ errorPort: true, ports: expect.arrayContaining([{ id: 'error', label: 'Error' }]) });
    expect(byType['fluxo.end'].ports).toEqual([]);
  });

  it('needs a login', async () => {
    expect((await t.client.request('GET', '/api/node-types')).status).toBe(401);
  });
});
