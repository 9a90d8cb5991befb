import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';

/** The customer's text box: Enter (or the button) sends. */
export function ChatComposer({ busy, onSend }: { busy: boolean; onSend: (text: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    onSend(trimmed);
    setText('');
  };
  return (
    <form className="sim-composer" onSubmit={submit}>
      <input
        className="sim-composer__input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('simulator.input.placeholder')}
        aria-label={t('simulator.input.label')}
        maxLength={4096}
        data-testid="simulator-input"
      />
      <Button type="submit" size="small" variant="primary" busy={busy} disabled={!text.trim()} data-testid="simulator-send">
        {t('simulator.send')}
      </Button>
    </form>
  );
}
