import { useNow } from '../../../shared/lib/useNow';
import type { FlowSummary } from '../types';
import { FlowRow } from './FlowRow';

type FlowListProps = {
  flows: FlowSummary[];
  canEdit: boolean;
  onRename: (flow: FlowSummary) => void;
  onDelete: (flow: FlowSummary) => void;
};

/** The flows, most recently changed first (the server's order). */
export function FlowList({ flows, canEdit, onRename, onDelete }: FlowListProps) {
  const now = useNow();
  return (
    <ul className="ui-list">
      {flows.map((flow) => (
        <FlowRow key={flow.id} flow={flow} now={now} canEdit={canEdit} onRename={onRename} onDelete={onDelete} />
      ))}
    </ul>
  );
}
