export { KEYWORD_MATCHES, matchMessageTrigger, messageTrigger, TRIGGER_MODES } from './message-trigger.node';
export type { KeywordMatch, MessageTriggerConfig, TriggerMode } from './message-trigger.node';
