using Dapper;
using Digima.Core.MailImport;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

internal sealed partial class ImportedMailRepository
{
    private const string InsertMail = """
        INSERT INTO imported_mails (user_id, message_id, direction, folder_kind, uid_validity, uid, subject, from_address, from_name,
                                    to_list, cc_list, mail_date, snippet, body_text, body_html, attachments, in_reply_to,
                                    "references", thread_key, imported_at)
        SELECT @UserId, @MessageId, @Direction, @FolderKind, @UidValidity, @Uid, @Subject, @FromAddress, @FromName,
               CAST(@ToJson AS jsonb), CAST(@CcJson AS jsonb), @MailDate, @Snippet, @BodyText, @BodyHtml, CAST(@AttachmentsJson AS jsonb),
               @InReplyTo, @References, @ThreadKey, @ImportedAt
        WHERE NOT EXISTS (SELECT 1 FROM imported_mail_tombstones t WHERE t.user_id = @UserId AND t.message_id = @MessageId)
        ON CONFLICT (user_id, message_id) DO NOTHING
        RETURNING id
        """;

    private const string InsertLink = """
        INSERT INTO imported_mail_customers (mail_id, customer_id, role) VALUES (@MailId, @CustomerId, @Role)
        ON CONFLICT DO NOTHING
        """;

    // R24: only a newer mail moves 直近顧客行動; importing again or an older mail changes nothing.
    private const string MarkReceived = """
        UPDATE customers SET last_action_type = @type, last_action_at = @at
        WHERE id = ANY(@ids) AND (last_action_at IS NULL OR last_action_at < @at)
        """;

    // R25, as for mail sent from the app: the earliest and the newest sent mail win.
    private const string MarkSent = """
        UPDATE customers
        SET first_contact_at = LEAST(COALESCE(first_contact_at, @at), @at),
            last_contact_at = GREATEST(COALESCE(last_contact_at, @at), @at)
        WHERE id = ANY(@ids)
        """;

    private const string InsertSkipped = """
        INSERT INTO mail_import_skipped (user_id, folder_kind, uid_validity, uid, message_id, reason, skipped_at)
        VALUES (@UserId, @FolderKind, @UidValidity, @Uid, @MessageId, @Reason, @At)
        ON CONFLICT DO NOTHING
        """;

    private const string SaveCursor = """
        INSERT INTO mail_import_cursors (user_id, folder_kind, folder_name, uid_validity, last_uid, highest_modseq, seen_count, imported_count, updated_at)
        VALUES (@UserId, @FolderKind, @FolderName, @UidValidity, @LastUid, @HighestModSeq, @SeenCount, @ImportedCount, @At)
        ON CONFLICT (user_id, folder_kind) DO UPDATE SET
            folder_name = EXCLUDED.folder_name, uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid,
            highest_modseq = EXCLUDED.highest_modseq, seen_count = EXCLUDED.seen_count, imported_count = EXCLUDED.imported_count,
            updated_at = EXCLUDED.updated_at
        """;

    public async Task<int> StoreBatchAsync(MailImportBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var mail in batch.Mails)
        {
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertMail, MailArgs(mail), transaction, cancellationToken: cancellationToken));
            if (id is { } mailId)
            {
                inserted++;
                await StoreLinksAsync(connection, transaction, mailId, mail, cancellationToken);
            }
        }

        var skipped = batch.Skipped.Select(s => new
        {
            batch.UserId, FolderKind = KindCode(s.Kind), UidValidity = (long)s.UidValidity, Uid = (long)s.Uid, s.MessageId, s.Reason, s.At,
        });
        await connection.ExecuteAsync(new CommandDefinition(InsertSkipped, skipped, transaction, cancellationToken: cancellationToken));

        var cursor = batch.Cursor;
        await connection.ExecuteAsync(new CommandDefinition(SaveCursor, new
        {
            batch.UserId, FolderKind = KindCode(cursor.Kind), cursor.FolderName, UidValidity = (long)cursor.UidValidity, LastUid = (long)cursor.LastUid,
            HighestModSeq = (decimal)cursor.HighestModSeq, cursor.SeenCount, ImportedCount = cursor.ImportedCount + inserted, batch.At,
        }, transaction, cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    private static async Task StoreLinksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long mailId, ImportedMail mail, CancellationToken cancellationToken)
    {
        var links = mail.Customers.Select(c => new { MailId = mailId, c.CustomerId, Role = c.Role.Code() });
        await connection.ExecuteAsync(new CommandDefinition(InsertLink, links, transaction, cancellationToken: cancellationToken));

        var (sql, roles) = mail.Direction == MailDirection.Received
            ? (MarkReceived, new[] { MailCustomerRole.From })
            : (MarkSent, new[] { MailCustomerRole.To, MailCustomerRole.Cc });
        var ids = mail.Customers.Where(c => roles.Contains(c.Role)).Select(c => c.CustomerId).Distinct().ToArray();
        if (ids.Length > 0)
        {
            var args = new { ids, at = mail.MailDate, type = CustomerActionTypes.MailReceived };
            await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        }
    }

    private static object MailArgs(ImportedMail m) => new
    {
        m.UserId, m.MessageId, Direction = m.Direction == MailDirection.Sent ? "sent" : "received", FolderKind = KindCode(m.FolderKind),
        m.UidValidity, m.Uid, m.Subject, m.FromAddress, m.FromName, ToJson = ImportedMailRows.Json(m.To), CcJson = ImportedMailRows.Json(m.Cc),
        m.MailDate, m.Snippet, m.BodyText, m.BodyHtml, AttachmentsJson = ImportedMailRows.Json(m.Attachments), m.InReplyTo,
        References = m.References.ToArray(), m.ThreadKey, m.ImportedAt,
    };
}
