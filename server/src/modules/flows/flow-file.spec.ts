import { AppError } from '../../platform/errors/app-error';
import { exportContentDisposition, parseFlowFile, uniqueFlowName } from './flow-file';
import { starterGraph } from './starter-graph';

describe('flow files', () => {
  it('reads an export, an example file and a bare graph alike', () => {
    const graph = starterGraph();
    expect(parseFlowFile({ fluxoExport: 1, name: 'A', graph, settings: { debounceMs: 500 } })).toEqual({
      name: 'A', graph, settings: { debounceMs: 500, sessionTimeoutMinutes: 1440 },
    });
    expect(parseFlowFile({ name: 'B', description: 'exemplo', graph: { ...graph, settings: { fallbackMessage: 'Ops' } } }).settings)
      .toEqual({ debounceMs: 0, sessionTimeoutMinutes: 1440, fallbackMessage: 'Ops' });
    expect(parseFlowFile(graph).name).toBe('Fluxo importado');
  });

  it.each([[null], ['text'], [{ graph: { schemaVersion: 2, nodes: [], edges: [] } }], [{ fluxoExport: 9, graph: starterGraph() }]])('refuses %j with INVALID_FLOW_FILE', (body) => {
    let thrown: unknown;
    try {
      parseFlowFile(body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ kind: 'bad_request', code: 'INVALID_FLOW_FILE' });
  });

  it('numbers taken names', () => {
    expect(uniqueFlowName('Menu', new Set())).toBe('Menu');
    expect(uniqueFlowName('Menu', new Set(['Menu', 'Menu (2)']))).toBe('Menu (3)');
    expect(uniqueFlowName('x'.repeat(120), new Set(['x'.repeat(120)]))).toBe(`${'x'.repeat(116)} (2)`);
  });

  it('names the download in ASCII with the exact name in UTF-8', () => {
    expect(exportContentDisposition("Clínica (Sorriso) d'Ana")).toBe(
      `attachment; filename="clinica-sorriso-d-ana.json"; filename*=UTF-8''Cl%C3%ADnica%20%28Sorriso%29%20d%27Ana.json`,
    );
    expect(exportContentDisposition('???')).toBe(`attachment; filename="fluxo.json"; filename*=UTF-8''%3F%3F%3F.json`);
  });
});
