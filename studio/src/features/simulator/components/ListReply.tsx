import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import type { OutboundListSection } from '../types';

type ListReplyProps = {
  buttonLabel: string;
  sections: OutboundListSection[];
  /** Absent once the message was answered: the rows stay visible but cannot be picked. */
  onPick?: (id: string, title: string) => void;
};

/** A WhatsApp list: one button that opens the sections and their rows. */
export function ListReply({ buttonLabel, sections, onPick }: ListReplyProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="sim-list">
      <Button size="small" variant="ghost" className="sim-list__open" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="simulator-list-open">
        {buttonLabel || t('simulator.list.open')}
      </Button>
      {open && (
        <div data-testid="simulator-list">
          {sections.map((section, index) => (
          <div key={index} className="sim-list__section">
            {section.title && <div className="sim-list__section-title">{section.title}</div>}
            {section.rows.map((row) => (
              <button
                key={row.id}
                type="button"
                className="sim-list__row"
                disabled={!onPick}
                onClick={() => onPick?.(row.id, row.title)}
                data-testid="simulator-button"
                data-button-id={row.id}
              >
                <span className="sim-list__row-title">{row.title}</span>
                {row.description && <span className="sim-list__row-description">{row.description}</span>}
              </button>
            ))}
          </div>
          ))}
        </div>
      )}
    </div>
  );
}
