import { AppError } from '../../platform/errors/app-error';

export const channelNotFound = () => new AppError('not_found', 'CHANNEL_NOT_FOUND', 'The channel was not found.');

export const invalidChannelConfig = (type: string, message: string) =>
  new AppError('unprocessable', 'CHANNEL_CONFIG_INVALID', `The ${type} channel's config is invalid: ${message}`);

export const channelAccountTaken = (accountId: string) =>
  new AppError('conflict', 'CHANNEL_ACCOUNT_TAKEN', `Another channel already receives the WhatsApp number${accountId ? ` ${accountId}` : ''}: remove it there first.`);

export const unknownFlows = (ids: string[]) =>
  new AppError('unprocessable', 'CHANNEL_FLOWS_UNKNOWN', `These flows do not exist: ${ids.join(', ')}.`);

export const webhookForbidden = (reason: string) => new AppError('unauthorized', 'WEBHOOK_UNAUTHORIZED', reason);

export const webhookMalformed = (reason: string) => new AppError('bad_request', 'WEBHOOK_MALFORMED', reason);

export const activationFailed = (message: string) =>
  new AppError('unprocessable', 'CHANNEL_ACTIVATION_FAILED', `The provider refused the webhook registration: ${message}`);

export const mediaLinkRefused = (reason: 'invalid' | 'expired') => new AppError('unauthorized', reason === 'expired' ? 'MEDIA_LINK_EXPIRED' : 'MEDIA_LINK_INVALID',
  reason === 'expired' ? 'This file link expired: links to files customers send last 24 hours. Ask the customer to send the file again.' : 'This file link is not valid.');
export const mediaUnavailable = (message: string) => new AppError('unavailable', 'MEDIA_UNAVAILABLE', `The file could not be fetched from the channel: ${message}`);
