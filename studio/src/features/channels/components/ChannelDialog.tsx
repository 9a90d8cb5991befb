import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import { Button, Dialog, DialogActions, showToast } from '../../../shared/ui';
import type { ChannelType, ChannelView } from '../types';
import { ChannelConnection } from './ChannelConnection';
import { ChannelForm } from './ChannelForm';
import { ChannelTypePicker } from './ChannelTypePicker';

type Step = { kind: 'type' } | { kind: 'form'; type: ChannelType } | { kind: 'connect'; channel: ChannelView };

/**
 * Connecting a channel, one step at a time: pick the type, fill in its form, then the last step
 * (what to paste where, or "activate"). Editing opens straight on the channel's form.
 */
export function ChannelDialog({ channel, onClose }: { channel?: ChannelView; onClose: () => void }) {
  const t = useT();
  const [step, setStep] = useState<Step>({ kind: 'type' });

  if (channel) {
    return (
      <Dialog title={t('channels.dialog.editTitle', { name: channel.name })} onClose={onClose} className="channel-dialog" data-testid="channel-dialog">
        <ChannelForm
          type={channel.type}
          channel={channel}
          onCancel={onClose}
          onSaved={(saved) => {
            showToast(t('channels.form.saved', { name: saved.name }));
            onClose();
          }}
        />
      </Dialog>
    );
  }

  if (step.kind === 'connect') {
    return (
      <Dialog title={t('channels.dialog.setupTitle')} onClose={onClose} className="channel-dialog" data-testid="channel-dialog">
        <p>{t('channels.dialog.setupSaved', { name: step.channel.name })}</p>
        <ChannelConnection channel={step.channel} canManage onActivated={(activated) => setStep({ kind: 'connect', channel: activated })} />
        <DialogActions>
          <Button variant="primary" onClick={onClose} data-testid="channel-done">
            {t('channels.dialog.done')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  if (step.kind === 'form') {
    return (
      <Dialog title={t(`channels.dialog.connect.${step.type}`)} onClose={onClose} className="channel-dialog" data-testid="channel-dialog">
        <ChannelForm
          key={step.type}
          type={step.type}
          onCancel={onClose}
          onBack={() => setStep({ kind: 'type' })}
          onSaved={(created) => setStep({ kind: 'connect', channel: created })}
        />
      </Dialog>
    );
  }

  return (
    <Dialog title={t('channels.dialog.pickTitle')} onClose={onClose} className="channel-dialog" data-testid="channel-dialog">
      <ChannelTypePicker onPick={(type) => setStep({ kind: 'form', type })} />
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
