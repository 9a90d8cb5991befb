/**
 * The webhook body of the Cloud API as far as we read it (channels.md §2.3, §2.4). Every field is
 * optional on purpose: Meta adds and drops fields without notice (BSUIDs in 2026), so the parser
 * checks each one before use instead of trusting this shape.
 */

export type CloudWebhookBody = {
  object?: unknown;
  entry?: Array<{ id?: string; changes?: CloudChange[] }>;
};

export type CloudChange = { field?: string; value?: CloudChangeValue };

export type CloudChangeValue = {
  messaging_product?: string;
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: CloudContact[];
  messages?: CloudMessage[];
  statuses?: CloudStatus[];
};

export type CloudContact = { profile?: { name?: string }; wa_id?: string; user_id?: string };

export type CloudMedia = { id?: string; mime_type?: string; sha256?: string; caption?: string; filename?: string; voice?: boolean; animated?: boolean };

export type CloudError = { code?: number; title?: string; message?: string; error_data?: { details?: string } };

export type CloudMessage = {
  id?: string;
  from?: string;
  from_user_id?: string;
  timestamp?: string;
  type?: string;
  context?: { from?: string; id?: string };
  text?: { body?: string };
  image?: CloudMedia;
  video?: CloudMedia;
  document?: CloudMedia;
  sticker?: CloudMedia;
  audio?: CloudMedia;
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  contacts?: unknown[];
  interactive?: { type?: string; button_reply?: { id?: string; title?: string }; list_reply?: { id?: string; title?: string; description?: string } };
  button?: { payload?: string; text?: string };
  reaction?: { message_id?: string; emoji?: string };
  system?: { body?: string; wa_id?: string; type?: string };
  errors?: CloudError[];
};

export type CloudStatus = {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  recipient_user_id?: string;
  biz_opaque_callback_data?: string;
  errors?: CloudError[];
};
