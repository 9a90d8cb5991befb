import { memo, useEffect, useMemo } from 'react';
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useT } from '../../../shared/i18n';
import { classNames } from '../../../shared/ui';
import { summarizeConfig } from '../lib/configSummary';
import { describeProblem } from '../lib/describeProblem';
import { iconEmoji } from '../lib/nodeIcons';
import { isTriggerType, portsOf } from '../lib/nodePorts';
import type { EditorNode } from '../store/editor.store';
import type { FlowProblem, JsonObject } from '../types';
import { useNodeProblems } from '../store/problems.store';
import { useNodeRunMark } from '../store/runOverlay.store';
import { useNodeDiff } from './nodeDiff';
import { useNodeTypeView } from './nodeTypesContext';

/**
 * Every node on the canvas: a card with the type's title and icon, a one-line summary of its
 * config, an input handle on the left (not for triggers) and one labelled handle per output port
 * on the right. Ports follow the config (one per button, case…), so React Flow is told when they change.
 */
export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<EditorNode>) {
  const t = useT();
  const view = useNodeTypeView(data.type, data.typeVersion);
  const ports = useMemo(() => portsOf(view, data.config), [view, data.config]);
  const summary = useMemo(() => summarizeConfig(data.type, data.config), [data.type, data.config]);
  const trigger = view ? isTriggerType(view) : data.type.endsWith('Trigger');
  const problems = useNodeProblems(id);
  const run = useNodeRunMark(id);
  const diff = useNodeDiff(id);

  const updateNodeInternals = useUpdateNodeInternals();
  const portIds = ports.map((port) => port.id).join('\n');
  useEffect(() => {
    updateNodeInternals(id);
  }, [id, portIds, updateNodeInternals]);

  return (
    <div
      className={classNames(
        'flow-node',
        selected && 'flow-node--selected',
        !view && 'flow-node--unknown',
        problems.length > 0 && 'flow-node--invalid',
        run && `flow-node--${run}`,
        diff && `flow-node--diff-${diff}`,
      )}
      data-testid={`node-${id}`}
      data-run={run ?? undefined}
      data-diff={diff ?? undefined}
    >
      {problems.length > 0 && <ProblemBadge problems={problems} schema={view?.configSchema} />}
      {diff && (
        <span className={`flow-node__diff flow-node__diff--${diff}`} data-testid="node-diff">
          {t(`editor.diff.${diff}`)}
        </span>
      )}
      {!trigger && <Handle type="target" position={Position.Left} className="flow-node__target" />}
      <div className="flow-node__head">
        <span className="flow-node__icon" title={view?.icon} aria-hidden="true">
          {iconEmoji(view?.icon)}
        </span>
        <span className="flow-node__title" data-testid="node-title">
          {view?.title ?? t('editor.node.unknownType', { type: data.type })}
        </span>
      </div>
      {data.label && <div className="flow-node__label">{data.label}</div>}
      {summary && (
        <p className="flow-node__summary" data-testid="node-summary">
          {'text' in summary ? summary.text : t(summary.key, summary.params)}
        </p>
      )}
      {ports.length > 0 && (
        <ul className="flow-node__ports">
          {ports.map((port) => (
            <li key={port.id} className="flow-node__port" data-testid={`node-port-${port.id}`}>
              <span className="flow-node__port-label">{port.id === 'error' ? t('editor.port.error') : port.label}</span>
              <Handle type="source" position={Position.Right} id={port.id} className="flow-node__source" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}, sameCard);

/**
 * The card draws from its id, data and selection only. React Flow also passes the position, so
 * without this a dragged card (or every card of a dragged selection) would re-render on each frame.
 */
function sameCard(previous: NodeProps<EditorNode>, next: NodeProps<EditorNode>): boolean {
  return previous.id === next.id && previous.data === next.data && previous.selected === next.selected;
}

/** The count of a node's problems; hovering it (or a screen reader) gives their friendly text. */
function ProblemBadge({ problems, schema }: { problems: readonly FlowProblem[]; schema: JsonObject | undefined }) {
  const t = useT();
  const text = problems.map((problem) => describeProblem(problem, t, schema)).join('\n');
  const severity = problems.some((problem) => problem.severity !== 'warning') ? 'error' : 'warning';
  return (
    <span className={`flow-node__badge flow-node__badge--${severity}`} data-testid="node-problem-badge" role="img" aria-label={text} title={text}>
      {problems.length}
    </span>
  );
}
