import { useT } from '../../../../shared/i18n';
import { Button } from '../../../../shared/ui';

type ListAddButtonProps = { path: string; field: string; disabled: boolean; maxItems?: number; onAdd(): void };

export function ListAddButton({ path, field, disabled, maxItems, onAdd }: ListAddButtonProps) {
  const t = useT();
  return (
    <div className="inspector-list__footer">
      <Button size="small" disabled={disabled} aria-label={t('inspector.list.addItem', { field })} data-testid={`list-add-${path}`} onClick={onAdd}>
        + {t('inspector.list.add')}
      </Button>
      {disabled && maxItems !== undefined && <span className="inspector-field__help">{t('inspector.list.full', { max: maxItems })}</span>}
    </div>
  );
}
