export { matchChoice } from './match-choice';
export type { ChoiceMatch, ChoiceMatchedBy, ChoiceOption } from './match-choice';
export { anyMessageText, messageText, stripEdgePunctuation } from './message-text';
export { optionIdSchema, reportOptionIdProblems } from './option-ids';
export type { OptionAtPath } from './option-ids';
