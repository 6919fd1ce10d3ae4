using Dapper;
using Digima.Core.MailImport;
using Digima.Core.Timeline.Threads;
using Digima.Infrastructure.Awaiting;
using Digima.Infrastructure.Customers;
using Digima.Infrastructure.Timeline;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

internal sealed partial class ImportedMailRepository
{
    // The whole batch in one statement (one array per column): a round trip per batch rather
    // than per mail. Rows keep the batch's order; a tombstoned or already stored identity is
    // left out and recorded as skipped (StoreBatchAsync).
    private const string InsertMails = """
        INSERT INTO imported_mails (user_id, message_id, direction, folder_kind, uid_validity, uid, subject, from_address, from_name,
                                    to_list, cc_list, mail_date, snippet, body_text, body_html, attachments, in_reply_to,
                                    "references", thread_key, imported_at, content_hash, reused_message_id, arrived_at)
        SELECT m.user_id, m.message_id, m.direction, m.folder_kind, m.uid_validity, m.uid, m.subject, m.from_address, m.from_name,
               CAST(m.to_json AS jsonb), CAST(m.cc_json AS jsonb), m.mail_date, m.snippet, m.body_text, m.body_html,
               CAST(m.attachments_json AS jsonb), m.in_reply_to,
               ARRAY(SELECT jsonb_array_elements_text(CAST(m.references_json AS jsonb))), m.thread_key, m.imported_at,
               m.content_hash, m.reused_message_id, m.arrived_at
        FROM unnest(@UserIds, @MessageIds, @Directions, @FolderKinds, @UidValidities, @Uids, @Subjects, @FromAddresses, @FromNames,
                    @ToJsons, @CcJsons, @MailDates, @Snippets, @BodyTexts, @BodyHtmls, @AttachmentsJsons, @InReplyTos,
                    @ReferencesJsons, @ThreadKeys, @ImportedAts, @ContentHashes, @ReusedMessageIds, @ArrivedAts)
             WITH ORDINALITY AS m(user_id, message_id, direction, folder_kind, uid_validity, uid, subject, from_address, from_name,
                                  to_json, cc_json, mail_date, snippet, body_text, body_html, attachments_json, in_reply_to,
                                  references_json, thread_key, imported_at, content_hash, reused_message_id, arrived_at, ord)
        WHERE NOT EXISTS (SELECT 1 FROM imported_mail_tombstones t WHERE t.user_id = m.user_id AND t.message_id = m.message_id)
        ORDER BY m.ord
        ON CONFLICT (user_id, message_id) DO NOTHING
        RETURNING id, message_id
        """;

    // The links and 返信待ち in one statement: the state row per customer comes from the batch's
    // newest mail from them and from us (ReplyStateRows), no round trip per mail.
    private static readonly string InsertLinks = $"""
        WITH links AS (
            INSERT INTO imported_mail_customers (mail_id, customer_id, role)
            SELECT * FROM unnest(@MailIds, @CustomerIds, @Roles)
            ON CONFLICT DO NOTHING)
        {ReplyStateSql.Record("SELECT * FROM unnest(@StateCustomerIds, @InAts, @InMailIds, @InUserIds, @OutAts)")}
        """;

    // R24: only a newer mail moves 直近顧客行動; importing again or an older mail changes nothing.
    // One row per customer with the newest mail of the batch: the same result as one update per mail.
    private const string MarkReceived = """
        UPDATE customers c SET last_action_type = @type, last_action_at = v.at
        FROM unnest(@ids, @ats) AS v(id, at)
        WHERE c.id = v.id AND (c.last_action_at IS NULL OR c.last_action_at < v.at)
        """;

    // R25, as for mail sent from the app: the earliest and the newest sent mail win. One row per
    // customer with the batch's earliest and newest mail: the same result as one update per mail.
    private static readonly string MarkSent = CustomerContactDates.Update("SELECT * FROM unnest(@ids, @firsts, @lasts)");

    // A message skipped again (a full re-sync) keeps its first row: counted once.
    private const string InsertSkipped = """
        INSERT INTO mail_import_skipped (user_id, folder_kind, folder_key, uid_validity, uid, message_id, reason, reason_code, subject, from_address, skipped_at)
        VALUES (@UserId, @FolderKind, @FolderKey, @UidValidity, @Uid, @MessageId, @Reason, @ReasonCode, @Subject, @FromAddress, @At)
        ON CONFLICT DO NOTHING
        """;

    private const string SaveCursor = """
        INSERT INTO mail_import_cursors (user_id, folder_kind, folder_key, folder_name, uid_validity, last_uid, highest_modseq, seen_count, imported_count,
                                         server_count, no_customer_count, known_count, updated_at)
        VALUES (@UserId, @FolderKind, @FolderKey, @FolderName, @UidValidity, @LastUid, @HighestModSeq, @SeenCount, @ImportedCount,
                @ServerCount, @NoCustomerCount, @KnownCount, @At)
        ON CONFLICT (user_id, folder_kind, folder_key) DO UPDATE SET
            folder_name = EXCLUDED.folder_name, uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid,
            highest_modseq = EXCLUDED.highest_modseq, seen_count = EXCLUDED.seen_count, imported_count = EXCLUDED.imported_count,
            server_count = EXCLUDED.server_count, no_customer_count = EXCLUDED.no_customer_count, known_count = EXCLUDED.known_count,
            updated_at = EXCLUDED.updated_at
        """;

    public async Task<int> StoreBatchAsync(MailImportBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            return await StoreAsync(batch, cancellationToken);
        }
        finally
        {
            Release(batch);
        }
    }

    private async Task<int> StoreAsync(MailImportBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (inserted, left) = await StoreMailsAsync(connection, transaction, batch.Mails, cancellationToken);
        await MailThreadWriter.AliasAsync(connection, transaction, batch.Aliases, cancellationToken);

        // Nothing is dropped silently: a mail the insert left out (its identity was deleted by the
        // rep or stored meanwhile) is recorded with the reason.
        var leftOut = left.Select(m => new SkippedMail(m.FolderKind, (uint)m.UidValidity, (uint)m.Uid, m.MessageId, LeftOutReason, batch.At)
        {
            Key = m.FolderKey, ReasonCode = SkipReasons.Known, Subject = m.Subject, FromAddress = m.FromAddress,
        });
        var skipped = batch.Skipped.Concat(leftOut).Select(s => new
        {
            batch.UserId, FolderKind = KindCode(s.Kind), FolderKey = s.Key, UidValidity = (long)s.UidValidity, Uid = (long)s.Uid, s.MessageId, s.Reason,
            s.ReasonCode, s.Subject, s.FromAddress, s.At,
        });
        await connection.ExecuteAsync(new CommandDefinition(InsertSkipped, skipped, transaction, cancellationToken: cancellationToken));

        if (batch.Cursor is { } cursor)
        {
            await connection.ExecuteAsync(new CommandDefinition(SaveCursor, new
            {
                batch.UserId, FolderKind = KindCode(cursor.Kind), FolderKey = cursor.Key, cursor.FolderName, UidValidity = (long)cursor.UidValidity,
                LastUid = (long)cursor.LastUid, HighestModSeq = (decimal)cursor.HighestModSeq, cursor.SeenCount, ImportedCount = cursor.ImportedCount + inserted,
                cursor.ServerCount, cursor.NoCustomerCount, cursor.KnownCount, batch.At,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    internal const string LeftOutReason = "Not stored: a mail with this identity is already stored or was deleted in the app";

    /// <summary>Inserts the batch's mails, their customer links and the customers' contact fields
    /// (only for mails inserted now) in a few statements; returns how many mails were inserted
    /// and the mails left out.</summary>
    private static async Task<(int Inserted, IReadOnlyList<ImportedMail> Left)> StoreMailsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ImportedMail> mails, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
        {
            return (0, []);
        }

        var rows = await connection.QueryAsync<(long Id, string MessageId)>(new CommandDefinition(InsertMails, MailArgs(mails), transaction, cancellationToken: cancellationToken));
        var ids = rows.ToDictionary(r => r.MessageId, r => r.Id, StringComparer.Ordinal);
        // A batch holds each identity once (ImportPlan.Distinguish): a returned Message-ID is that mail.
        var insertedMails = mails.Where(m => ids.ContainsKey(m.MessageId)).DistinctBy(m => m.MessageId).ToList();
        var left = mails.Except(insertedMails).ToList();
        if (ids.Count == 0)
        {
            return (0, left);
        }

        var links = insertedMails.SelectMany(m => m.Customers.Select(c => (MailId: ids[m.MessageId], c.CustomerId, Role: c.Role.Code()))).ToList();
        if (links.Count > 0)
        {
            var state = ReplyStateRows.From(insertedMails, ids);
            var args = new
            {
                MailIds = links.Select(l => l.MailId).ToArray(), CustomerIds = links.Select(l => l.CustomerId).ToArray(), Roles = links.Select(l => l.Role).ToArray(),
                StateCustomerIds = state.Select(r => r.CustomerId).ToArray(), InAts = state.Select(r => r.InAt).ToArray(),
                InMailIds = state.Select(r => r.InMailId).ToArray(), InUserIds = state.Select(r => r.InUserId).ToArray(), OutAts = state.Select(r => r.OutAt).ToArray(),
            };
            await connection.ExecuteAsync(new CommandDefinition(InsertLinks, args, transaction, cancellationToken: cancellationToken));
        }

        await StoreFilesAsync(connection, transaction, insertedMails, ids, cancellationToken);

        var threads = insertedMails.Select(m => new ThreadMessage(m.MessageId, ThreadMessage.AncestorsOf(m.References, m.InReplyTo), m.Subject, m.MailDate)
        {
            ThreadIndex = m.ThreadIndex,
        }).ToList();
        await MailThreadWriter.ThreadAsync(connection, transaction, threads, cancellationToken);

        var received = CustomerDates(insertedMails, MailDirection.Received, [MailCustomerRole.From]);
        if (received.Count > 0)
        {
            var args = new { ids = received.Select(r => r.Id).ToArray(), ats = received.Select(r => r.Last).ToArray(), type = CustomerActionTypes.MailReceived };
            await connection.ExecuteAsync(new CommandDefinition(MarkReceived, args, transaction, cancellationToken: cancellationToken));
        }

        var sent = CustomerDates(insertedMails, MailDirection.Sent, [MailCustomerRole.To, MailCustomerRole.Cc]);
        if (sent.Count > 0)
        {
            var args = new { ids = sent.Select(r => r.Id).ToArray(), firsts = sent.Select(r => r.First).ToArray(), lasts = sent.Select(r => r.Last).ToArray() };
            await connection.ExecuteAsync(new CommandDefinition(MarkSent, args, transaction, cancellationToken: cancellationToken));
        }

        return (insertedMails.Count, left);
    }

    /// <summary>Per customer in these roles of mails in this direction: the earliest and newest mail date.</summary>
    private static List<(long Id, DateTimeOffset First, DateTimeOffset Last)> CustomerDates(
        IEnumerable<ImportedMail> mails, MailDirection direction, MailCustomerRole[] roles) =>
        mails.Where(m => m.Direction == direction)
            .SelectMany(m => m.Customers.Where(c => roles.Contains(c.Role)).Select(c => (c.CustomerId, At: m.MailDate.ToUniversalTime())))
            .GroupBy(x => x.CustomerId)
            .Select(g => (g.Key, g.Min(x => x.At), g.Max(x => x.At)))
            .ToList();

    private static object MailArgs(IReadOnlyList<ImportedMail> mails) => new
    {
        UserIds = mails.Select(m => m.UserId).ToArray(),
        MessageIds = mails.Select(m => m.MessageId).ToArray(),
        Directions = mails.Select(m => m.Direction == MailDirection.Sent ? "sent" : "received").ToArray(),
        FolderKinds = mails.Select(m => KindCode(m.FolderKind)).ToArray(),
        UidValidities = mails.Select(m => m.UidValidity).ToArray(),
        Uids = mails.Select(m => m.Uid).ToArray(),
        Subjects = mails.Select(m => m.Subject).ToArray(),
        FromAddresses = mails.Select(m => m.FromAddress).ToArray(),
        FromNames = mails.Select(m => m.FromName).ToArray(),
        ToJsons = mails.Select(m => ImportedMailRows.Json(m.To)).ToArray(),
        CcJsons = mails.Select(m => ImportedMailRows.Json(m.Cc)).ToArray(),
        MailDates = mails.Select(m => m.MailDate.ToUniversalTime()).ToArray(),
        Snippets = mails.Select(m => m.Snippet).ToArray(),
        BodyTexts = mails.Select(m => m.BodyText).ToArray(),
        BodyHtmls = mails.Select(m => m.BodyHtml).ToArray(),
        AttachmentsJsons = mails.Select(m => ImportedMailRows.Json(m.Attachments)).ToArray(),
        InReplyTos = mails.Select(m => m.InReplyTo).ToArray(),
        ReferencesJsons = mails.Select(m => System.Text.Json.JsonSerializer.Serialize(m.References)).ToArray(),
        ThreadKeys = mails.Select(m => m.ThreadKey).ToArray(),
        ImportedAts = mails.Select(m => m.ImportedAt.ToUniversalTime()).ToArray(),
        ContentHashes = mails.Select(m => m.ContentHash).ToArray(),
        ReusedMessageIds = mails.Select(m => m.ReusedMessageId).ToArray(),
        ArrivedAts = mails.Select(m => m.ArrivedAt?.ToUniversalTime()).ToArray(),
    };
}
