import { validateGraph } from '@fluxo/engine';
import { loadExample, registry, runtimeWith } from './load-example';

describe('example: lead webhook', () => {
  it('is a valid flow that can be published', () => {
    expect(validateGraph(loadExample('lead-webhook.json').graph, registry(), 'publish')).toEqual([]);
  });

  it('answers each call with the tier of the lead and how often it called', async () => {
    const rt = runtimeWith('lead-webhook.json', '2026-05-13T13:00:00Z');
    const hot = await rt.callHttp({ path: 'leads', body: { from: '5511999990000', value: 5000 } });
    expect(hot).toMatchObject({ status: 201, body: { lead: '5511999990000', tier: 'hot', calls: 1 } });
    const cold = await rt.callHttp({ path: 'leads', body: { from: '5511999990000', value: 300 } });
    expect(cold).toMatchObject({ status: 200, body: { lead: '5511999990000', tier: 'cold', calls: 2 } });
    expect((await rt.callHttp({ path: 'leads', method: 'GET' })).status).toBe(404);
  });
});
