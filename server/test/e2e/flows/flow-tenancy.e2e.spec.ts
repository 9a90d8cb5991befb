import { useTestApp } from '../../support/test-app';
import { askNameGraph } from './flow-helpers';

describe('flows across tenants (Postgres)', () => {
  const t = useTestApp();

  it('answers 404 on every flow route to another tenant\'s flow id and to a malformed id, and changes nothing', async () => {
    const alice = await t.client.signup();
    const mallory = await t.client.signup();
    const created = await t.client.request('POST', '/api/flows', { token: alice.token, body: { name: 'Da Alice', graph: askNameGraph() } });
    const id = created.body.id as string;
    expect((await t.client.request('POST', `/api/flows/${id}/publish`, { token: alice.token, body: {} })).status).toBe(201);

    const routes = (flowId: string): Array<[string, string, unknown?]> => [
      ['GET', `/api/flows/${flowId}`],
      ['PUT', `/api/flows/${flowId}`, { name: 'Roubado' }],
      ['DELETE', `/api/flows/${flowId}`],
      ['GET', `/api/flows/${flowId}/validation`],
      ['GET', `/api/flows/${flowId}/export`],
      ['POST', `/api/flows/${flowId}/publish`, { liveConversations: 'restart' }],
      ['GET', `/api/flows/${flowId}/versions`],
      ['GET', `/api/flows/${flowId}/versions/1`],
      ['POST', `/api/flows/${flowId}/versions/1/restore`, {}],
    ];
    for (const flowId of [id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      for (const [method, path, body] of routes(flowId)) {
        // With and without If-Match: a foreign flow is 404 before any precondition is looked at.
        for (const headers of [{ 'if-match': '"1"' }, {}] as Array<Record<string, string>>) {
          const response = await t.client.request(method, path, { token: mallory.token, body, headers });
          expect([method, path, response.status, response.body?.error?.code]).toEqual([method, path, 404, 'NOT_FOUND']);
        }
      }
    }
    expect((await t.client.request('GET', '/api/flows', { token: mallory.token })).body).toEqual([]);
    const untouched = await t.client.request('GET', `/api/flows/${id}`, { token: alice.token });
    expect(untouched.body).toMatchObject({ name: 'Da Alice', revision: 1, publishedVersion: 1 });
    const versions = await t.client.request('GET', `/api/flows/${id}/versions`, { token: alice.token });
    expect(versions.body).toHaveLength(1);
  });
});
