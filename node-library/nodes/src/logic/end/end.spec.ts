import { resolvePorts, runNode } from '@fluxo/node-sdk';
import { endFlow } from './end.node';

describe('fluxo.end', () => {
  it('has no output ports', () => {
    expect(resolvePorts(endFlow, endFlow.config.parse({}))).toEqual([]);
  });

  it('ends without sending anything by default', async () => {
    const run = await runNode(endFlow, { config: {} });
    expect(run.result).toEqual({ kind: 'end' });
    expect(run.sent).toEqual([]);
  });

  it('sends the rendered goodbye before ending', async () => {
    const run = await runNode(endFlow, { config: { message: 'Obrigado, {{ contact.name }}! Até logo.' }, contact: { name: 'Ana' } });
    expect(run.sent).toEqual([{ kind: 'text', text: 'Obrigado, Ana! Até logo.' }]);
    expect(run.result).toEqual({ kind: 'end' });
  });

  it('sends nothing when the message renders blank', async () => {
    const run = await runNode(endFlow, { config: { message: '  {{ vars.despedida }} ' } });
    expect(run.sent).toEqual([]);
    expect(run.result).toEqual({ kind: 'end' });
  });

  it('refuses a message longer than a chat message', async () => {
    expect((await runNode(endFlow, { config: { message: 'a'.repeat(4_097) } })).error?.kind).toBe('config');
  });
});
