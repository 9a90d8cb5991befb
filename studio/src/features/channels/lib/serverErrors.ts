import { isApiError } from '../../../shared/api';
import type { ChannelType } from '../types';
import { CHANNEL_FIELDS } from './channelFields';
import { configField } from './channelForm';
import type { FormErrors } from './channelForm';

/**
 * The fields a refusal is about, to mark them in the form. `CHANNEL_CONFIG_INVALID` names them in
 * its (English) message, e.g. "The telegram channel's config is invalid: botToken: must look like…";
 * a WhatsApp number connected elsewhere is about the Phone number ID.
 */
export function rejectedFields(error: unknown, type: ChannelType): FormErrors {
  const errors: FormErrors = {};
  if (isApiError(error, 'CHANNEL_CONFIG_INVALID')) {
    for (const field of CHANNEL_FIELDS[type]) {
      if (new RegExp(`\\b${field.name}\\b`).test(error.message)) errors[configField(field.name)] = { key: 'channels.field.rejected' };
    }
  }
  if (isApiError(error, 'CHANNEL_ACCOUNT_TAKEN') && type === 'whatsapp_cloud') errors[configField('phoneNumberId')] = { key: 'channels.field.accountTaken' };
  return errors;
}

const ACTIVATION_PREFIX = /^The provider refused the webhook registration:\s*/;

/** What the provider said when it refused the webhook (`CHANNEL_ACTIVATION_FAILED`), without the server's preamble. */
export function activationReason(error: unknown): string | undefined {
  if (!isApiError(error, 'CHANNEL_ACTIVATION_FAILED')) return undefined;
  return error.message.replace(ACTIVATION_PREFIX, '') || undefined;
}
