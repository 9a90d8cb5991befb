/** Mirrors the server's views (server/src/modules/flows/flow-views.ts, flow-file.ts). */

/** One row of `GET /api/flows`. */
export type FlowSummary = {
  id: string;
  name: string;
  /** The draft's revision; its ETag is this number in quotes. */
  revision: number;
  /** The version new conversations start on; null while the flow was never published. */
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
  /** Conversations in progress on any version of the flow. */
  liveConversations: number;
};

/**
 * A whole flow. The graph stays opaque until the editor arrives: this part of the studio only
 * passes it along (duplicate, export, import).
 */
export type Flow = Omit<FlowSummary, 'liveConversations'> & {
  graph: unknown;
  settings: Record<string, unknown>;
  updatedBy: { id: string; name: string } | null;
  problems: unknown[];
};

/** A flow with the ETag to send back as If-Match when saving it. */
export type VersionedFlow = { flow: Flow; etag: string };

/** The download format of `GET /api/flows/:id/export`, which `POST /api/flows/import` reads back. */
export type FlowExport = { fluxoExport: 1; name: string; graph: unknown; settings: Record<string, unknown>; exportedAt: string };

/** What `INVALID_FLOW_FILE` lists: which part of the file is wrong, and how. */
export type FlowFileProblem = { field: string; message: string };
