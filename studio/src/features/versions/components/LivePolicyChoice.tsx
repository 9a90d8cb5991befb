import { useT } from '../../../shared/i18n';
import { LIVE_CONVERSATION_POLICIES } from '../types';
import type { LiveConversationPolicy } from '../types';

type LivePolicyChoiceProps = {
  /** Conversations in progress on any published version. */
  count: number;
  value: LiveConversationPolicy;
  onChange: (policy: LiveConversationPolicy) => void;
};

/** What happens to conversations already in progress, in plain words (the server's drain/migrate/restart). */
export function LivePolicyChoice({ count, value, onChange }: LivePolicyChoiceProps) {
  const t = useT();
  return (
    <fieldset className="publish-policy" data-testid="publish-policy">
      <legend className="publish-policy__title">{t('versions.publish.liveTitle', { count })}</legend>
      {LIVE_CONVERSATION_POLICIES.map((policy) => (
        <label key={policy} className="publish-policy__option">
          <input
            type="radio"
            name="live-conversations"
            value={policy}
            checked={value === policy}
            onChange={() => onChange(policy)}
            data-testid={`publish-policy-${policy}`}
          />
          <span>
            <strong>{t(`versions.policy.${policy}`)}</strong>
            <span className="publish-policy__hint">{t(`versions.policy.${policy}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
