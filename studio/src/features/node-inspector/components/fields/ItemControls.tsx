import { useT } from '../../../../shared/i18n';
import { Button } from '../../../../shared/ui';

type ItemControlsProps = {
  /** The list's dotted path. */
  path: string;
  index: number;
  count: number;
  field: string;
  canRemove: boolean;
  onMove(to: number): void;
  onRemove(): void;
};

/** Up, down and remove for one list item. */
export function ItemControls({ path, index, count, field, canRemove, onMove, onRemove }: ItemControlsProps) {
  const t = useT();
  const n = index + 1;
  return (
    <span className="inspector-item__controls">
      <Button size="small" variant="ghost" disabled={index === 0} aria-label={t('inspector.list.upItem', { n, field })} data-testid={`list-up-${path}.${index}`} onClick={() => onMove(index - 1)}>
        ↑
      </Button>
      <Button size="small" variant="ghost" disabled={index === count - 1} aria-label={t('inspector.list.downItem', { n, field })} data-testid={`list-down-${path}.${index}`} onClick={() => onMove(index + 1)}>
        ↓
      </Button>
      <Button size="small" variant="ghost-danger" disabled={!canRemove} aria-label={t('inspector.list.removeItem', { n, field })} data-testid={`list-remove-${path}.${index}`} onClick={onRemove}>
        ✕
      </Button>
    </span>
  );
}
