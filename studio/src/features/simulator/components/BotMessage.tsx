import { useT } from '../../../shared/i18n';
import type { OutboundMessage } from '../types';
import { FormattedText } from './FormattedText';
import { ListReply } from './ListReply';
import { MediaReply } from './MediaReply';

type BotMessageProps = {
  message: OutboundMessage;
  /** Taps a button or list row; absent when the message was answered (or in a read-only transcript). */
  onPick?: (id: string, title: string) => void;
};

/** The content of one bot message, drawn the way the customer's channel shows it. */
export function BotMessage({ message, onPick }: BotMessageProps) {
  const t = useT();
  switch (message.kind) {
    case 'text':
      return <FormattedText text={message.text} />;
    case 'buttons':
      return (
        <>
          {message.header && <div className="sim-bubble__header">{message.header}</div>}
          <FormattedText text={message.text} />
          {message.footer && <div className="sim-bubble__footer">{message.footer}</div>}
          <div className="sim-buttons">
            {message.buttons.map((button) => (
              <button
                key={button.id}
                type="button"
                className="sim-buttons__button"
                disabled={!onPick}
                onClick={() => onPick?.(button.id, button.title)}
                data-testid="simulator-button"
                data-button-id={button.id}
              >
                {button.title}
              </button>
            ))}
          </div>
        </>
      );
    case 'list':
      return (
        <>
          {message.header && <div className="sim-bubble__header">{message.header}</div>}
          <FormattedText text={message.text} />
          {message.footer && <div className="sim-bubble__footer">{message.footer}</div>}
          <ListReply buttonLabel={message.buttonLabel} sections={message.sections} onPick={onPick} />
        </>
      );
    case 'media':
      return <MediaReply media={message} />;
    case 'location': {
      const href = `https://www.google.com/maps/search/?api=1&query=${message.lat},${message.lng}`;
      return (
        <div className="sim-location">
          <div className="sim-location__name">📍 {message.name ?? t('simulator.location.title')}</div>
          {message.address && <div className="sim-location__address">{message.address}</div>}
          <a href={href} target="_blank" rel="noreferrer">
            {t('simulator.location.open')}
          </a>
        </div>
      );
    }
    case 'template':
      return (
        <div className="sim-template">
          <div className="sim-template__name">{t('simulator.template', { name: message.name, language: message.language })}</div>
          <dl className="sim-template__vars">
            {Object.entries(message.variables).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      );
    case 'typing':
      return null;
  }
}
