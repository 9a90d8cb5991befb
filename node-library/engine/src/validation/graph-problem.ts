export type ProblemCode =
  | 'NO_TRIGGER'
  | 'DUPLICATE_NODE_ID'
  | 'DUPLICATE_EDGE_ID'
  | 'DUPLICATE_VARIABLE'
  | 'UNKNOWN_NODE_TYPE'
  | 'UNKNOWN_NODE_VERSION'
  | 'INVALID_CONFIG'
  | 'INVALID_TEMPLATE'
  | 'DANGLING_EDGE'
  | 'UNKNOWN_PORT'
  | 'EDGE_INTO_TRIGGER'
  | 'PORT_FAN_OUT'
  | 'UNCONNECTED_PORT'
  | 'UNREACHABLE_NODE';

/**
 * One thing wrong with a flow, attached to the node (or edge) the studio should highlight.
 * Saving reports problems as warnings; publishing refuses a flow with any of them.
 */
export type GraphProblem = {
  code: ProblemCode;
  severity: 'warning' | 'error';
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Config path inside the node, for INVALID_CONFIG and INVALID_TEMPLATE. */
  path?: string;
};
