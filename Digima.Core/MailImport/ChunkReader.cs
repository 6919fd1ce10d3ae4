using Digima.Core.Mailboxes;

namespace Digima.Core.MailImport;

/// <summary>The work on one chunk of a folder, whichever connection reads it: what the database
/// says about its summaries (the candidates to import), then the candidates' bodies as a batch.</summary>
/// <param name="neverImport">The rep's never-import list (enabled addresses and domains).</param>
internal sealed class ChunkReader(
    IImportedMailRepository store, TimeProvider time, IReadOnlyCollection<string> neverImport, MailboxConnection mailbox, MailFolderState folder)
{
    /// <summary>A chunk's summaries with what the database says about them: the candidates to import.</summary>
    internal sealed record Lookup(ImportChoice Choice, KnownIdentities Known)
    {
        public IReadOnlyList<ImportCandidate> Candidates => Choice.Candidates;

        /// <summary>Copies of our own mail whose Message-ID a relay rewrote.</summary>
        public IReadOnlyList<MessageIdAlias> Aliases { get; init; } = [];
    }

    public async Task<Lookup> LookUpAsync(IReadOnlyList<MailSummary> summaries, CancellationToken cancellationToken)
    {
        var emails = summaries.SelectMany(s => s.Addresses).Distinct().ToList();
        var identities = summaries.Select(s => MailIdentity.Of(s, folder.Kind)).Distinct().ToList();
        // Two queries on two pooled connections at once: half the round trips' wait.
        var matching = emails.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>())
            : store.MatchCustomersAsync(emails, cancellationToken);
        var knowing = store.FindKnownAsync(mailbox.UserId, identities, cancellationToken);
        await Task.WhenAll(matching, knowing);
        var known = await knowing;
        return new Lookup(ImportPlan.Sort(summaries, folder.Kind, OwnAddresses(mailbox), await matching, known, neverImport), known)
        {
            Aliases = summaries.Select(s => MailIdentity.RewrittenByRelay(s, folder.Kind)).OfType<MessageIdAlias>().ToList(),
        };
    }

    public async Task<MailImportBatch> ReadBatchAsync(
        IMailImportSession session, uint[] chunk, Lookup lookup, MailImportCursor position, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = lookup.Candidates;
        var mails = new List<ImportedMail>();
        var skipped = lookup.Choice.Left.Select(l => Skipped(l.Summary, l.Code, l.Detail, now)).ToList();
        var known = lookup.Choice.Known;
        if (candidates.Count > 0)
        {
            var bodies = await session.FetchBodiesAsync(candidates.Select(c => c.Summary.Uid).ToList(), cancellationToken);
            var read = bodies.Read.ToDictionary(b => b.Uid);
            var unreadable = bodies.Unreadable.ToDictionary(u => u.Uid);
            var hashes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                if (read.TryGetValue(candidate.Summary.Uid, out var content))
                {
                    if (!hashes.TryGetValue(candidate.Identity, out var seen))
                    {
                        seen = lookup.Known.Stored.TryGetValue(candidate.Identity, out var stored) ? new HashSet<string>(stored, StringComparer.Ordinal) : [];
                        hashes[candidate.Identity] = seen;
                    }

                    // The same mail found again is kept once; a different one reusing its Message-ID is its own mail.
                    if (ImportPlan.Distinguish(ImportPlan.ToMail(candidate, content, mailbox.UserId, folder.Kind, folder.UidValidity, now) with { FolderKey = folder.Key }, seen) is { } mail)
                    {
                        mails.Add(mail);
                    }
                    else
                    {
                        // Already stored with its files: what was held for them goes.
                        known++;
                        Release(content.Files);
                    }
                }
                else if (unreadable.TryGetValue(candidate.Summary.Uid, out var bad))
                {
                    skipped.Add(Skipped(candidate.Summary, SkipReasons.Unreadable, bad.Reason, now));
                }
            }
        }

        // The cursor past this chunk is set when the batches before it are stored (OrderedBatchStore).
        // Aliases of every copy of our mail, imported or not: the copy itself is usually settled
        // (the app's own mail), but a reply naming the relay's Message-ID must still find its thread.
        return new MailImportBatch(mailbox.UserId, position, chunk.Length, mails, skipped, now)
        {
            Aliases = lookup.Aliases,
            NoCustomer = lookup.Choice.NoCustomer,
            Known = known,
        };
    }

    private SkippedMail Skipped(MailSummary summary, string code, string detail, DateTimeOffset now) =>
        new(folder.Kind, folder.UidValidity, summary.Uid, summary.MessageId, detail, now)
        {
            Key = folder.Key,
            ReasonCode = code,
            Subject = summary.Subject,
            FromAddress = summary.From.FirstOrDefault()?.Address ?? "",
        };

    private static void Release(IEnumerable<ImportedFile> files)
    {
        foreach (var file in files)
        {
            file.Dispose();
        }
    }

    /// <summary>Waits for work started alongside a read that failed, without its own failure.</summary>
    public static async Task QuietlyAsync(Task? task)
    {
        try
        {
            if (task is not null)
            {
                await task;
            }
        }
        catch (Exception)
        {
            // The read's failure is the one reported; what failed here is retried by the next sync.
        }
    }

    private static HashSet<string> OwnAddresses(MailboxConnection mailbox) =>
        new[] { mailbox.SenderAddress, mailbox.Imap.UserName, mailbox.Smtp.UserName }
            .Where(a => a.Contains('@', StringComparison.Ordinal))
            .Select(a => a.ToLowerInvariant())
            .ToHashSet();
}
