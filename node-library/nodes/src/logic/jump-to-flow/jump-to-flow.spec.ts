import { ERROR_PORT, resolvePorts, runNode } from '@fluxo/node-sdk';
import { jumpToFlow } from './jump-to-flow.node';

describe('fluxo.jumpToFlow', () => {
  it('declares the out port (taken on return) and the error port (missing flow)', () => {
    expect(resolvePorts(jumpToFlow, jumpToFlow.config.parse({ flowId: 'f' }))).toEqual([{ id: 'out', label: 'Ao voltar' }, ERROR_PORT]);
  });

  it('jumps without returning by default', async () => {
    const run = await runNode(jumpToFlow, { config: { flowId: 'flow-vendas' } });
    expect(run.result).toEqual({ kind: 'jump', flowId: 'flow-vendas', returnAfter: false });
  });

  it('asks to come back when returnAfter is set', async () => {
    const run = await runNode(jumpToFlow, { config: { flowId: ' flow-vendas ', returnAfter: true } });
    expect(run.result).toEqual({ kind: 'jump', flowId: 'flow-vendas', returnAfter: true });
  });

  it.each([{}, { flowId: '' }, { flowId: '   ' }, { flowId: 'f', returnAfter: 'yes' }])('refuses the config %j', async (config) => {
    expect((await runNode(jumpToFlow, { config: config as never })).error?.kind).toBe('config');
  });
});
