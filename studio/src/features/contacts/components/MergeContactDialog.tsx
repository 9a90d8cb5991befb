import { useState } from 'react';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, Dialog, DialogActions, Spinner, TextField } from '../../../shared/ui';
import { useConversationLabels } from '../../conversations/components/useConversationLabels';
import { useContactSearch, useMergeContact } from '../hooks/useContacts';
import type { ContactSummary } from '../types';
import './contacts.css';

type MergeContactDialogProps = {
  /** The contact that stays (the one of the conversation on screen). */
  contact: { id: string; name: string | null };
  onClose: () => void;
  onMerged: (merged: ContactSummary) => void;
};

/**
 * The same person wrote on another channel: pick that contact, and it joins this one. Each
 * conversation stays on its channel; the person's details and fields become one.
 */
export function MergeContactDialog({ contact, onClose, onMerged }: MergeContactDialogProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ContactSummary | null>(null);
  const found = useContactSearch(search);
  const merge = useMergeContact(contact.id);
  const others = (found.data ?? []).filter((other) => other.id !== contact.id);
  const labels = useConversationLabels();
  const unnamed = t('conversations.unknownContact');

  return (
    <Dialog title={t('contacts.merge.title', { name: contact.name || unnamed })} onClose={onClose} className="merge-contact" data-testid="merge-contact-dialog">
      <p>{t('contacts.merge.body')}</p>
      <TextField label={t('contacts.merge.search')} value={search} onChange={(event) => setSearch(event.target.value)} data-testid="merge-contact-search" autoFocus />
      {found.isPending && <Spinner label={t('app.loading')} />}
      {found.isError && <Alert>{describeError(found.error)}</Alert>}
      {found.isSuccess && others.length === 0 && <p className="merge-contact__empty">{t('contacts.merge.none')}</p>}
      <fieldset className="merge-contact__options">
        <legend className="merge-contact__legend">{t('contacts.merge.pick')}</legend>
        {others.map((other) => (
          <label key={other.id} className="merge-contact__option" data-testid={`merge-contact-option-${other.id}`}>
            <input type="radio" name="merge-contact" checked={picked?.id === other.id} onChange={() => setPicked(other)} />
            <span className="merge-contact__name">{other.name || unnamed}</span>
            <span className="merge-contact__meta">
              {[labels.channel({ channel: other.channel, source: 'live' }), other.phone, t('contacts.conversations', { count: other.conversations })].filter(Boolean).join(' · ')}
            </span>
          </label>
        ))}
      </fieldset>
      {merge.isError && <Alert>{describeError(merge.error)}</Alert>}
      <DialogActions>
        <Button onClick={onClose} data-testid="merge-contact-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          variant="primary"
          disabled={!picked}
          busy={merge.isPending}
          onClick={() => picked && merge.mutate(picked.id, { onSuccess: () => onMerged(picked) })}
          data-testid="merge-contact-accept"
        >
          {t('contacts.merge.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
