/** Query keys of the channels feature; `all` invalidates every one of them. */
export const channelKeys = {
  all: ['channels'] as const,
  list: () => [...channelKeys.all, 'list'] as const,
};
