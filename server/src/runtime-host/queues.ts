/** The queues of the turn pipeline; jobs only name a conversation, the database holds the work. */
export const TURN_QUEUE = 'turns';
export const TIMER_QUEUE = 'timers';
export const DELIVERY_QUEUE = 'deliveries';

export type ConversationJob = { conversationId: string };
export type TimerJob = { conversationId: string; timerId: string };

/** A conversation's turns: one job waiting per conversation at most (the key), any number over time. */
export const turnJobKey = (conversationId: string) => `turn:${conversationId}`;
export const deliveryJobKey = (conversationId: string) => `deliver:${conversationId}`;
export const timerJobKey = (timerId: string) => `timer:${timerId}`;
