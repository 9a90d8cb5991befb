import { useT } from '../../../shared/i18n';
import { CHANNEL_TYPES } from '../types';
import type { ChannelType } from '../types';

/** The first step of connecting: which way the customers will talk to the bot. */
export function ChannelTypePicker({ onPick }: { onPick: (type: ChannelType) => void }) {
  const t = useT();
  return (
    <div className="channel-types">
      <p>{t('channels.dialog.pickIntro')}</p>
      <ul className="channel-types__list">
        {CHANNEL_TYPES.map((type) => (
          <li key={type}>
            <button type="button" className="channel-types__option" onClick={() => onPick(type)} data-testid={`channel-type-${type}`}>
              <span className="channel-types__name">{t(`channels.type.${type}`)}</span>
              <span className="channel-types__hint">{t(`channels.typeHint.${type}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
