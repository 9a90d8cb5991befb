import { errorReply, fakeApiClient } from '../../testing/fakeApiClient';
import type { FakeReply, FakeRequest } from '../../testing/fakeApiClient';
import { flowWith, nodeTypeViews, starterGraph } from '../flow-editor/testFixtures';
import type { FlowGraph, FlowProblem } from '../flow-editor/types';
import type { VersionDetail } from './types';

type Options = {
  versions?: VersionDetail[];
  publishedVersion?: number | null;
  problems?: FlowProblem[];
  /** Replaces the publish answer (a 422, a 412…). */
  publishReply?: (request: FakeRequest) => FakeReply;
};

/** A published version of the starter flow, as `GET versions/:version` answers it. */
export const versionOf = (version: number, graph: FlowGraph, extra: Partial<VersionDetail> = {}): VersionDetail => ({
  version,
  changelog: '',
  author: { id: 'user-1', name: 'Ana' },
  createdAt: '2026-01-01T00:00:00.000Z',
  liveConversations: 0,
  flowId: 'f1',
  graph,
  settings: {},
  ...extra,
});

/** The editor's server (draft with ETag, autosave) plus validation, publish, versions and restore. */
export function versionsServer(options: Options = {}) {
  let revision = 1;
  let graph = starterGraph();
  let publishedVersion = options.publishedVersion ?? null;
  const versions = [...(options.versions ?? [])];
  const flow = () => flowWith(graph, revision, { publishedVersion });
  const summary = ({ graph: _graph, settings: _settings, flowId: _flowId, ...rest }: VersionDetail) => rest;

  const client = fakeApiClient({
    'GET /api/node-types': () => ({ body: nodeTypeViews }),
    'GET /api/flows': () => ({ body: [{ ...flow(), liveConversations: 0 }] }),
    'GET /api/flows/:id': () => ({ body: flow(), headers: { ETag: `"${revision}"` } }),
    'PUT /api/flows/:id': (request) => {
      if (request.headers['If-Match'] !== `"${revision}"`) return errorReply(412, 'FLOW_CHANGED', 'The flow changed.', { currentRevision: revision });
      revision += 1;
      graph = (request.body as { graph: FlowGraph }).graph;
      return { body: flow(), headers: { ETag: `"${revision}"` } };
    },
    'GET /api/flows/:id/validation\\?mode=publish': () => {
      const problems = options.problems ?? [];
      return { body: { mode: 'publish', publishable: problems.length === 0, problems, byNode: {} } };
    },
    'POST /api/flows/:id/publish': (request) => {
      if (options.publishReply) return options.publishReply(request);
      const body = request.body as { changelog?: string; liveConversations: 'drain' | 'migrate' | 'restart' };
      const published = versionOf(versions.length + 1, graph, { changelog: body.changelog ?? '' });
      versions.unshift(published);
      publishedVersion = published.version;
      return { status: 201, body: { ...published, conversations: { policy: body.liveConversations, migrated: 0, restarted: 0 } } };
    },
    'GET /api/flows/:id/versions': () => ({ body: versions.map(summary) }),
    'GET /api/flows/:id/versions/:version': (request) => {
      const found = versions.find((version) => version.version === Number(request.params.version));
      return found ? { body: found } : errorReply(404, 'NOT_FOUND');
    },
    'POST /api/flows/:id/versions/:version/restore': (request) => {
      const found = versions.find((version) => version.version === Number(request.params.version))!;
      revision += 1;
      graph = found.graph;
      return { body: flow(), headers: { ETag: `"${revision}"` } };
    },
  });
  return {
    client,
    calls: (method: string, suffix: string) => client.calls.filter((call) => call.method === method && call.path.endsWith(suffix)),
    savedGraph: () => graph,
  };
}
