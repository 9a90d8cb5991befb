export { askQuestion, ANSWER_TYPES, defaultRetryMessage, readAnswer } from './ask-question.node';
export type { AnswerType, AskQuestionConfig } from './ask-question.node';
export { parseDateAnswer, parseEmailAnswer, parseNumberAnswer, parsePhoneAnswer, parseTextAnswer } from './answer-parsers';
export type { AnswerParse, AnswerRefusal } from './answer-parsers';
export { buildOutboundMessage, SEND_MESSAGE_KINDS, sendMessage, sendMessageOptions } from './send-message.node';
export type { SendMessageConfig, SendMessageKind } from './send-message.node';
