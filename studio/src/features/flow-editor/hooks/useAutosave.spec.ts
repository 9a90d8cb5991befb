import { act, renderHook } from '@testing-library/react';
import { errorReply, fakeApiClient } from '../../../testing/fakeApiClient';
import type { FakeRequest } from '../../../testing/fakeApiClient';
import { createFlowEditorApi } from '../api/flowEditorApi';
import { flowWith, starterGraph } from '../testFixtures';
import type { FlowGraph } from '../types';
import { useAutosave } from './useAutosave';

/** A server whose draft is at `revision`; a PUT with another If-Match gets 412 FLOW_CHANGED. */
function server(initialRevision = 1) {
  let revision = initialRevision;
  let graph = starterGraph();
  const client = fakeApiClient({
    'GET /api/flows/:id': () => ({ body: flowWith(graph, revision), headers: { ETag: `"${revision}"` } }),
    'PUT /api/flows/:id': (request: FakeRequest) => {
      if (request.headers['If-Match'] !== `"${revision}"`) {
        return errorReply(412, 'FLOW_CHANGED', 'The flow changed.', { currentRevision: revision, lastSavedBy: { id: 'u2', name: 'Bruno' } });
      }
      revision += 1;
      graph = (request.body as { graph: FlowGraph }).graph;
      return { body: flowWith(graph, revision, { problems: [{ message: 'x' }, { message: 'y' }] }), headers: { ETag: `"${revision}"` } };
    },
  });
  return {
    client,
    puts: () => client.calls.filter((call) => call.method === 'PUT'),
    /** Someone else saves in another tab. */
    savedElsewhere: () => {
      revision += 1;
    },
  };
}

function setup(backend: ReturnType<typeof server>) {
  let current = starterGraph();
  const onReload = jest.fn();
  const hook = renderHook(() =>
    useAutosave({
      flowId: 'f1',
      initialEtag: '"1"',
      initialProblems: [],
      api: createFlowEditorApi(backend.client),
      getGraph: () => current,
      onReload,
    }),
  );
  const edit = (text: string) => {
    current = { ...current, nodes: current.nodes.map((node) => (node.id === 'welcome' ? { ...node, config: { kind: 'text', text } } : node)) };
    act(() => hook.result.current.markDirty());
  };
  return { hook, edit, onReload };
}

/** Runs the timers, then lets the fake server's promises settle. */
async function wait(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
    await Promise.resolve();
  });
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('useAutosave', () => {
  it('waits for 800 ms of quiet, then PUTs the latest graph once with If-Match, and keeps the new ETag', async () => {
    const backend = server();
    const { hook, edit } = setup(backend);
    expect(hook.result.current.status).toBe('saved');

    edit('um');
    expect(hook.result.current.status).toBe('dirty');
    await wait(500);
    edit('dois');
    await wait(500);
    expect(backend.puts()).toHaveLength(0);

    await wait(300);
    expect(backend.puts()).toHaveLength(1);
    expect(backend.puts()[0]!.headers['If-Match']).toBe('"1"');
    expect((backend.puts()[0]!.body as { graph: FlowGraph }).graph.nodes[1]!.config).toEqual({ kind: 'text', text: 'dois' });
    expect(hook.result.current.status).toBe('saved');
    expect(hook.result.current.problems).toHaveLength(2);

    edit('três');
    await wait(800);
    expect(backend.puts()[1]!.headers['If-Match']).toBe('"2"');
    expect(hook.result.current.status).toBe('saved');
  });

  it('on 412 stops autosaving and never overwrites until the person chooses', async () => {
    const backend = server();
    const { hook, edit } = setup(backend);
    backend.savedElsewhere();

    edit('minha versão');
    await wait(800);
    expect(hook.result.current.status).toBe('conflict');
    expect(hook.result.current.conflict).toEqual({ savedBy: 'Bruno' });

    edit('mais uma');
    await wait(5_000);
    act(() => hook.result.current.saveNow());
    await wait(0);
    expect(backend.puts()).toHaveLength(1);
    expect(hook.result.current.status).toBe('conflict');
  });

  it('overwrites only when asked: fetches the latest ETag, then PUTs mine with it', async () => {
    const backend = server();
    const { hook, edit } = setup(backend);
    backend.savedElsewhere();
    edit('minha versão');
    await wait(800);

    await act(() => hook.result.current.overwriteWithMine());
    await wait(0);

    const [, overwrite] = backend.puts();
    expect(overwrite!.headers['If-Match']).toBe('"2"');
    expect((overwrite!.body as { graph: FlowGraph }).graph.nodes[1]!.config).toEqual({ kind: 'text', text: 'minha versão' });
    expect(hook.result.current.status).toBe('saved');
    expect(hook.result.current.conflict).toBeNull();
  });

  it("reloads the server's version when asked, and saves on its ETag afterwards", async () => {
    const backend = server();
    const { hook, edit, onReload } = setup(backend);
    backend.savedElsewhere();
    edit('minha versão');
    await wait(800);

    await act(() => hook.result.current.reloadServerVersion());
    expect(onReload).toHaveBeenCalledWith(expect.objectContaining({ etag: '"2"' }));
    expect(hook.result.current.status).toBe('saved');
    expect(backend.puts()).toHaveLength(1);

    edit('depois de recarregar');
    await wait(800);
    expect(backend.puts()[1]!.headers['If-Match']).toBe('"2"');
    expect(hook.result.current.status).toBe('saved');
  });

  it('saves again right after a save when the graph changed while it was in flight', async () => {
    let release: () => void = () => undefined;
    const backend = server();
    const slow = fakeApiClient({
      'PUT /api/flows/:id': async (request) => {
        await new Promise<void>((resolve) => (release = resolve));
        return backend.client.request('PUT', request.path, { body: request.body, headers: request.headers }).then(({ data }) => ({
          body: data,
          headers: { ETag: `"${(data as { revision: number }).revision}"` },
        }));
      },
    });
    const { hook, edit } = setup({ ...backend, client: slow });

    edit('um');
    await wait(800);
    expect(hook.result.current.status).toBe('saving');
    edit('dois');
    expect(hook.result.current.status).toBe('saving');
    await act(async () => release());
    await wait(0);
    expect(hook.result.current.status).toBe('dirty');

    await wait(800);
    await act(async () => release());
    await wait(0);
    expect(backend.puts().map((put) => put.headers['If-Match'])).toEqual(['"1"', '"2"']);
    expect(hook.result.current.status).toBe('saved');
  });

  it('shows an error when the save fails for another reason, and tries again on the next change', async () => {
    let fail = true;
    const backend = server();
    const flaky = fakeApiClient({
      'PUT /api/flows/:id': async (request) => {
        if (fail) return errorReply(500, 'INTERNAL');
        const { data, headers } = await backend.client.request('PUT', request.path, { body: request.body, headers: request.headers });
        return { body: data, headers: { ETag: headers.get('ETag') ?? '' } };
      },
    });
    const { hook, edit } = setup({ ...backend, client: flaky });

    edit('um');
    await wait(800);
    expect(hook.result.current.status).toBe('error');

    fail = false;
    edit('dois');
    await wait(800);
    expect(hook.result.current.status).toBe('saved');
  });
  it('adopts a draft replaced elsewhere (a restored version): its ETag and problems, no pending or late save', async () => {
    let release: () => void = () => undefined;
    const backend = server();
    const slow = fakeApiClient({
      'PUT /api/flows/:id': async (request) => {
        await new Promise<void>((resolve) => (release = resolve));
        const { data, headers } = await backend.client.request('PUT', request.path, { body: request.body, headers: request.headers });
        return { body: data, headers: { ETag: headers.get('ETag') ?? '' } };
      },
    });
    const { hook, edit } = setup({ ...backend, client: slow });
    const restored = { flow: flowWith(starterGraph(), 5, { problems: [{ message: 'restaurado' }] }), etag: '"5"' };

    edit('em voo');
    await wait(800);
    expect(hook.result.current.status).toBe('saving');
    act(() => hook.result.current.adopt(restored));
    await act(async () => release());
    await wait(0);
    expect(hook.result.current.status).toBe('saved');
    expect(hook.result.current.problems).toEqual([{ message: 'restaurado' }]);
    expect(hook.result.current.getEtag()).toBe('"5"');

    edit('pendente');
    act(() => hook.result.current.adopt(restored));
    await wait(800);
    expect(backend.puts()).toHaveLength(1);

    // The server's draft is at revision 2 after the late save; the restore took it to 5.
    backend.savedElsewhere();
    backend.savedElsewhere();
    backend.savedElsewhere();
    edit('depois');
    await wait(800);
    await act(async () => release());
    await wait(0);
    expect(backend.puts().map((put) => put.headers['If-Match'])).toEqual(['"1"', '"5"']);
    expect(hook.result.current.status).toBe('saved');
  });

  it('a save from before `adopt` answering late leaves the save in flight since then alone', async () => {
    const releases: Array<() => void> = [];
    const backend = server();
    const slow = fakeApiClient({
      'PUT /api/flows/:id': async (request) => {
        await new Promise<void>((resolve) => releases.push(resolve));
        const { data, headers } = await backend.client.request('PUT', request.path, { body: request.body, headers: request.headers });
        return { body: data, headers: { ETag: headers.get('ETag') ?? '' } };
      },
    });
    const { hook, edit } = setup({ ...backend, client: slow });
    edit('antes');
    await wait(800);
    for (let i = 0; i < 4; i += 1) backend.savedElsewhere();
    act(() => hook.result.current.adopt({ flow: flowWith(starterGraph(), 5), etag: '"5"' }));

    edit('depois');
    await wait(800);
    await act(async () => releases[0]!());
    await wait(0);
    edit('durante');
    await wait(800);
    expect(slow.calls.filter((call) => call.method === 'PUT')).toHaveLength(2);

    await act(async () => releases[1]!());
    await wait(0);
    await wait(800);
    await act(async () => releases[2]!());
    await wait(0);
    expect(slow.calls.filter((call) => call.method === 'PUT').map((put) => put.headers['If-Match'])).toEqual(['"1"', '"5"', '"6"']);
    expect(hook.result.current.status).toBe('saved');
  });
});
