import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/roles';
import { queryOne, queryRows } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { AppError, notFound } from '../../platform/errors/app-error';
import { recordAudit } from '../audit/record-audit';

type ContactRow = {
  id: string; channel: string; external_id: string; name: string | null; phone: string | null; aliases: string[];
  fields: Record<string, unknown>; merged_into: string | null; created_at: Date;
  /** When a turn first took one of the contact's messages (null: never answered, the contact is new). */
  answered_at: Date | null;
};

/** The people behind the conversations: one per channel identity, until the tenant merges two that are one person. */
@Injectable()
export class ContactsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Contacts that stand on their own (not merged into another), newest first; `search` looks in name and phone. */
  async listContacts(tenantId: string, filter: { search?: string; limit: number }) {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => {
      const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await queryRows<ContactRow & { conversations: number }>(db, `
        SELECT k.*, (SELECT count(*)::int FROM conversations c WHERE c.contact_id = k.id) AS conversations
          FROM contacts k
         WHERE k.tenant_id = $1 AND k.merged_into IS NULL AND ($2::text IS NULL OR k.name ILIKE $2 OR k.phone LIKE $2)
         ORDER BY k.created_at DESC, k.id LIMIT $3`, [tenantId, pattern, filter.limit]);
      return rows.map((row) => ({ ...toView(row), conversations: row.conversations }));
    });
  }

  async getContact(tenantId: string, id: string) {
    return inTenantTransaction(this.dataSource, tenantId, (db) => this.contactIn(db, tenantId, id));
  }

  /**
   * `sourceId` becomes part of `targetId`: its conversations move over, its name, phone and fields
   * fill what the target lacks (the target's own values win), and it stays as a channel identity
   * pointing at the target, so the person's next conversation there starts on the target.
   */
  async mergeContacts(auth: AuthContext, targetId: string, sourceId: string) {
    if (targetId === sourceId) throw new AppError('unprocessable', 'MERGE_INTO_ITSELF', 'A contact cannot be merged into itself: pick another contact.');
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      // Both rows locked in id order, so two merges of the same pair cannot deadlock.
      const rows = await queryRows<ContactRow>(db, `SELECT * FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
        [auth.tenantId, [targetId, sourceId]]);
      const target = rows.find((row) => row.id === targetId);
      const source = rows.find((row) => row.id === sourceId);
      if (!target) throw notFound('The contact');
      if (!source) throw notFound('The contact to merge');
      for (const [contact, role] of [[target, 'The contact'], [source, 'The contact to merge']] as const) {
        if (contact.merged_into) {
          throw new AppError('conflict', 'CONTACT_ALREADY_MERGED', `${role} was already merged into another contact (${contact.merged_into}): merge into that one instead.`,
            { mergedInto: contact.merged_into });
        }
      }
      await db.query(`
        UPDATE contacts SET name = coalesce(name, $2), phone = coalesce(phone, $3),
               aliases = ARRAY(SELECT DISTINCT unnest(aliases || $4::text[])), fields = $5::jsonb || fields,
               answered_at = least(answered_at, $6::timestamptz)
         WHERE id = $1`, [targetId, source.name, source.phone, source.aliases, JSON.stringify(source.fields), source.answered_at]);
      const moved = await queryRows<{ id: string }>(db, `UPDATE conversations SET contact_id = $1 WHERE contact_id = $2 RETURNING id`, [targetId, sourceId]);
      // Identities merged into the source earlier follow it.
      await db.query(`UPDATE contacts SET merged_into = $1 WHERE id = $2 OR merged_into = $2`, [targetId, sourceId]);
      await recordAudit(db, {
        tenantId: auth.tenantId, actorId: auth.userId, action: 'contact.merged', targetType: 'contact', targetId,
        details: { mergedContactId: sourceId, conversations: moved.length },
      });
      return this.contactIn(db, auth.tenantId, targetId);
    });
  }

  /** A contact with the channel identities merged into it and its conversations. */
  private async contactIn(db: EntityManager, tenantId: string, id: string) {
    const contact = await queryOne<ContactRow>(db, `SELECT * FROM contacts WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    if (!contact) throw notFound('The contact');
    const merged = await queryRows<{ id: string; channel: string; external_id: string }>(db,
      `SELECT id, channel, external_id FROM contacts WHERE merged_into = $1 ORDER BY created_at, id`, [id]);
    const conversations = await queryRows<{ id: string; channel: string; channel_id: string | null; status: string; updated_at: Date }>(db,
      `SELECT id, channel, channel_id, status, updated_at FROM conversations WHERE contact_id = $1 ORDER BY updated_at DESC`, [id]);
    return {
      ...toView(contact),
      identities: [
        { contactId: contact.id, channel: contact.channel, externalId: contact.external_id },
        ...merged.map((m) => ({ contactId: m.id, channel: m.channel, externalId: m.external_id })),
      ],
      conversations: conversations.map((c) => ({ id: c.id, channel: c.channel, channelId: c.channel_id, status: c.status, updatedAt: iso(c.updated_at) })),
    };
  }
}

function toView(row: ContactRow) {
  return {
    id: row.id, name: row.name, phone: row.phone, channel: row.channel, externalId: row.external_id, aliases: row.aliases,
    fields: row.fields, mergedInto: row.merged_into, createdAt: iso(row.created_at),
  };
}

const iso = (value: Date) => new Date(value).toISOString();
