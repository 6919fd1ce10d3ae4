using Dapper;
using Digima.Core.MailImport;
using Digima.Infrastructure.Attachments;
using Npgsql;

namespace Digima.Infrastructure.MailImport;

internal sealed partial class ImportedMailRepository
{
    // The attachment lists of the batch's mails with files, now naming each stored file: one
    // statement for the batch.
    private const string NameStoredFiles = """
        UPDATE imported_mails m SET attachments = CAST(v.attachments_json AS jsonb)
        FROM unnest(@MailIds, @AttachmentsJsons) AS v(id, attachments_json)
        WHERE m.id = v.id
        """;

    /// <summary>Stores the files of the mails inserted now, in the batch's transaction: a mail is
    /// never there without its files, and a mail found again (another folder, a re-sync) was not
    /// inserted, so its files are not stored twice. Three statements for the whole batch; none
    /// when no mail has files.</summary>
    private static async Task StoreFilesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<ImportedMail> inserted, IReadOnlyDictionary<string, long> ids,
        CancellationToken cancellationToken)
    {
        var withFiles = inserted.Where(m => m.Files.Count > 0).Select(m => (Mail: m, Id: ids[m.MessageId])).ToList();
        if (withFiles.Count == 0)
        {
            return;
        }

        var files = withFiles.SelectMany(m => m.Mail.Files.Select(f => (m.Id, m.Mail.UserId, m.Mail.ImportedAt, f))).ToList();
        var stored = await AttachmentStore.SaveImportedAsync(connection, files, cancellationToken);
        var lists = withFiles.Select(m => ImportedMailRows.Json(
            m.Mail.Attachments.Select((a, position) => stored.TryGetValue((m.Id, position), out var fileId) ? a with { FileId = fileId } : a).ToList()));
        var args = new { MailIds = withFiles.Select(m => m.Id).ToArray(), AttachmentsJsons = lists.ToArray() };
        await connection.ExecuteAsync(new CommandDefinition(NameStoredFiles, args, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>What was held for the batch's files goes once the batch is stored (or failed).</summary>
    private static void Release(MailImportBatch batch)
    {
        foreach (var file in batch.Mails.SelectMany(m => m.Files))
        {
            file.Dispose();
        }
    }
}
