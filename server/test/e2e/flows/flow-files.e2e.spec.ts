import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useTestApp } from '../../support/test-app';
import { auditActions } from './flow-helpers';

const example = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../../../examples/flows', `${name}.json`), 'utf8'));

describe('flow export and import (Postgres)', () => {
  const t = useTestApp();

  it('exports a download that imports back as a new draft with the same graph and settings', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Promoção de Março', settings: { debounceMs: 2000, sessionEndMessage: 'Até mais!' } } });

    const exported = await t.client.request('GET', `/api/flows/${created.body.id}/export`, { token: owner.token });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="promocao-de-marco.json"; filename*=UTF-8''${encodeURIComponent('Promoção de Março.json')}`,
    );
    expect(exported.body).toEqual({
      fluxoExport: 1, name: 'Promoção de Março', graph: created.body.graph, exportedAt: expect.any(String),
      settings: { debounceMs: 2000, sessionTimeoutMinutes: 1440, sessionEndMessage: 'Até mais!' },
    });

    const imported = await t.client.request('POST', '/api/flows/import', { token: owner.token, body: exported.body });
    expect(imported.status).toBe(201);
    expect(imported.headers.get('etag')).toBe('"1"');
    expect(imported.body).toMatchObject({ name: 'Promoção de Março (2)', revision: 1, publishedVersion: null, settings: exported.body.settings, problems: [] });
    expect(imported.body.id).not.toBe(created.body.id);
    expect(imported.body.graph).toEqual(created.body.graph);
    const again = await t.client.request('POST', '/api/flows/import', { token: owner.token, body: exported.body });
    expect(again.body.name).toBe('Promoção de Março (3)');
    expect(await auditActions(t, owner.tenantId, imported.body.id)).toEqual(['flow.imported']);
  });

  it('imports examples/flows/clinic-menu.json and publishes it', async () => {
    const owner = await t.client.signup();
    const file = example('clinic-menu');
    const imported = await t.client.request('POST', '/api/flows/import', { token: owner.token, body: file });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ name: file.name, problems: [], settings: { fallbackMessage: file.graph.settings.fallbackMessage } });
    expect(imported.body.graph.nodes).toHaveLength(file.graph.nodes.length);
    const published = await t.client.request('POST', `/api/flows/${imported.body.id}/publish`, { token: owner.token, body: { changelog: 'Do exemplo' } });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);

    const lead = await t.client.request('POST', '/api/flows/import', { token: owner.token, body: example('lead-capture') });
    expect(lead.status).toBe(201);
    expect(lead.body.problems).toEqual([]);
  });

  it('refuses a file that is not a flow (400, saying what is wrong) and writes nothing', async () => {
    const owner = await t.client.signup();
    const cases: unknown[] = [
      { name: 'Sem grafo' },
      { fluxoExport: 2, name: 'Do futuro', graph: { schemaVersion: 1, nodes: [], edges: [] } },
      { name: 'Grafo torto', graph: { schemaVersion: 1, nodes: [{ id: 'a', type: 'fluxo.end', typeVersion: 1 }], edges: 'nope' } },
      [1, 2, 3],
    ];
    for (const body of cases) {
      const refused = await t.client.request('POST', '/api/flows/import', { token: owner.token, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'INVALID_FLOW_FILE', message: expect.stringContaining('not a Fluxo flow file') });
    }
    const future = await t.client.request('POST', '/api/flows/import', { token: owner.token, body: cases[1] });
    expect(future.body.error.problems).toEqual([{ field: 'fluxoExport', message: expect.stringContaining('format') }]);
    const crooked = await t.client.request('POST', '/api/flows/import', { token: owner.token, body: cases[2] });
    expect(crooked.body.error.problems.map((p: { field: string }) => p.field)).toEqual(['graph.nodes.0.position', 'graph.edges']);
    expect((await t.client.request('GET', '/api/flows', { token: owner.token })).body).toEqual([]);
  });
});
