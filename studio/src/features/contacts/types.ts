/** Mirrors the server's contact views (server/src/modules/contacts/contacts.service.ts). */
export type ContactSummary = {
  id: string;
  name: string | null;
  phone: string | null;
  /** The channel of the contact's own identity (its other identities come from merges). */
  channel: string;
  externalId: string;
  conversations: number;
};
