using Dapper;
using Digima.Core.Attachments;
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
    /// inserted, so its files are not stored twice. Mails without files cost nothing.</summary>
    private static async Task StoreFilesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<ImportedMail> inserted, IReadOnlyDictionary<string, long> ids,
        CancellationToken cancellationToken)
    {
        var mailIds = new List<long>();
        var lists = new List<string>();
        foreach (var mail in inserted.Where(m => m.Files.Count > 0))
        {
            var mailId = ids[mail.MessageId];
            var listed = mail.Attachments.ToArray();
            foreach (var file in mail.Files)
            {
                var row = new NewStoredFile(mail.UserId, file.FileName, file.ContentType, mail.ImportedAt) { ImportedMailId = mailId, Position = file.Position };
                var stored = await AttachmentStore.SaveAsync(connection, row, file.Content.OpenRead(), long.MaxValue, cancellationToken);
                listed[file.Position] = listed[file.Position] with { FileId = stored!.Id };
            }

            mailIds.Add(mailId);
            lists.Add(ImportedMailRows.Json(listed));
        }

        if (mailIds.Count > 0)
        {
            var args = new { MailIds = mailIds.ToArray(), AttachmentsJsons = lists.ToArray() };
            await connection.ExecuteAsync(new CommandDefinition(NameStoredFiles, args, transaction, cancellationToken: cancellationToken));
        }
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
