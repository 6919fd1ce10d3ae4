namespace Digima.Core.MailImport;

/// <summary>A message of a batch chosen for import: exchanged with a customer, not known yet.</summary>
internal sealed record ImportCandidate(MailSummary Summary, string Identity, MailDirection Direction, IReadOnlyList<MailCustomerLink> Customers);

/// <summary>A batch sorted by <see cref="ImportPlan.Sort"/>.</summary>
/// <param name="Known">With a customer, settled already (sent from the app, imported before).</param>
/// <param name="Left">With a customer, left out: the reason code (<see cref="SkipReasons"/>) and its detail.</param>
internal sealed record ImportChoice(
    IReadOnlyList<ImportCandidate> Candidates, int NoCustomer, int Known, IReadOnlyList<(MailSummary Summary, string Code, string Detail)> Left);

/// <summary>Pure rules deciding which messages of a batch are imported (R18) and how.</summary>
internal static class ImportPlan
{
    /// <summary>Candidates in UID order: mail with a customer in From/To/Cc whose identity is
    /// not settled. An identity already stored or repeated in the batch is still a candidate:
    /// some senders reuse Message-IDs, so its content decides (<see cref="Distinguish"/>). The
    /// rep's own addresses never count as customers. A mail that names any address on the rep's
    /// never-import list (<paramref name="neverImport"/>: addresses and domains) is left out whole.</summary>
    public static IReadOnlyList<ImportCandidate> Choose(
        IReadOnlyList<MailSummary> summaries,
        MailFolderKind kind,
        IReadOnlySet<string> ownAddresses,
        IReadOnlyDictionary<string, long> customers,
        KnownIdentities known,
        IReadOnlyCollection<string>? neverImport = null) =>
        Sort(summaries, kind, ownAddresses, customers, known, neverImport).Candidates;

    /// <summary>Every message of the batch in one of four piles, for the folder's totals (B5): the
    /// candidates (<see cref="Choose"/>), those without a customer, those already in the app, and
    /// those left out with a reason (never-import list, deleted by the rep).</summary>
    public static ImportChoice Sort(
        IReadOnlyList<MailSummary> summaries,
        MailFolderKind kind,
        IReadOnlySet<string> ownAddresses,
        IReadOnlyDictionary<string, long> customers,
        KnownIdentities known,
        IReadOnlyCollection<string>? neverImport = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        var chosen = new List<ImportCandidate>();
        var left = new List<(MailSummary Summary, string Code, string Detail)>();
        int noCustomer = 0, settled = 0;
        foreach (var summary in summaries.OrderBy(s => s.Uid))
        {
            var links = Links(summary, kind, ownAddresses, customers);
            var identity = MailIdentity.Of(summary, kind);
            var excludedBy = neverImport is { Count: > 0 }
                ? summary.Addresses.FirstOrDefault(a => !ownAddresses.Contains(a) && Privacy.MailPrivacyRules.Matches(a, neverImport))
                : null;
            if (links.Count == 0)
            {
                noCustomer++;
            }
            else if (excludedBy is not null)
            {
                left.Add((summary, SkipReasons.NeverImport, excludedBy));
            }
            else if (known.Deleted.Contains(identity))
            {
                left.Add((summary, SkipReasons.Deleted, identity));
            }
            else if (known.Settled.Contains(identity))
            {
                settled++;
            }
            else
            {
                chosen.Add(new ImportCandidate(summary, identity, DirectionOf(summary, kind, ownAddresses), links));
            }
        }

        return new ImportChoice(chosen, noCustomer, settled, left);
    }

    /// <summary>Sent when found in Sent, or in the Inbox but written by the rep (a copy to self).</summary>
    public static MailDirection DirectionOf(MailSummary summary, MailFolderKind kind, IReadOnlySet<string> ownAddresses) =>
        kind == MailFolderKind.Sent || summary.From.Any(p => ownAddresses.Contains(p.Address.ToLowerInvariant()))
            ? MailDirection.Sent
            : MailDirection.Received;

    private static List<MailCustomerLink> Links(MailSummary summary, MailFolderKind kind, IReadOnlySet<string> own, IReadOnlyDictionary<string, long> customers)
    {
        var links = new List<MailCustomerLink>();
        Add(summary.From, MailCustomerRole.From);
        Add(summary.To, MailCustomerRole.To);
        Add(summary.Cc, MailCustomerRole.Cc);
        if (DirectionOf(summary, kind, own) == MailDirection.Sent)
        {
            // A customer openly addressed as well is linked by that role alone.
            Add(summary.Bcc, MailCustomerRole.Bcc);
        }

        return links;

        void Add(IEnumerable<MailParty> parties, MailCustomerRole role)
        {
            foreach (var address in parties.Select(p => p.Address.ToLowerInvariant()).Where(a => !own.Contains(a)).Distinct())
            {
                if (customers.TryGetValue(address, out var id) && (role != MailCustomerRole.Bcc || links.All(l => l.CustomerId != id))
                    && !links.Contains(new MailCustomerLink(id, role)))
                {
                    links.Add(new MailCustomerLink(id, role));
                }
            }
        }
    }

    /// <summary>The mail to store, given the content hashes already stored or read for its
    /// identity (updated here): null when the same mail is already there; the mail itself when
    /// its identity is new; else a different mail reusing the Message-ID, stored under an
    /// identity that adds its content hash.</summary>
    public static ImportedMail? Distinguish(ImportedMail mail, ISet<string> hashesOfIdentity)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(hashesOfIdentity);
        var hash = mail.ContentHash ?? throw new ArgumentException("The mail has no content hash.", nameof(mail));
        if (hashesOfIdentity.Contains(hash))
        {
            return null;
        }

        var first = hashesOfIdentity.Count == 0;
        hashesOfIdentity.Add(hash);
        if (first)
        {
            return mail;
        }

        var reused = MailIdentity.Reused(mail.MessageId, hash);
        return mail with
        {
            MessageId = reused,
            ReusedMessageId = mail.MessageId,
            ThreadKey = mail.ThreadKey == mail.MessageId ? reused : mail.ThreadKey,
        };
    }

    /// <summary>The stored mail: headers from the full message where it has them (decoded by
    /// the MIME parser), else from the server's summary.</summary>
    public static ImportedMail ToMail(ImportCandidate candidate, MailContent content, long userId, MailFolderKind kind, uint uidValidity, DateTimeOffset now)
    {
        var summary = candidate.Summary;
        var from = content.From ?? summary.From.FirstOrDefault();
        return new ImportedMail
        {
            UserId = userId,
            MessageId = candidate.Identity,
            Direction = candidate.Direction,
            FolderKind = kind,
            UidValidity = uidValidity,
            Uid = summary.Uid,
            Subject = content.Subject.Length > 0 ? content.Subject : summary.Subject,
            FromAddress = from?.Address ?? "",
            FromName = from?.Name ?? "",
            To = content.To.Count > 0 ? content.To : summary.To,
            Cc = content.Cc.Count > 0 ? content.Cc : summary.Cc,
            MailDate = (content.Date ?? summary.Date ?? summary.InternalDate ?? now).ToUniversalTime(),
            ArrivedAt = summary.InternalDate?.ToUniversalTime(),
            Snippet = content.Snippet,
            BodyText = content.TextBody,
            BodyHtml = content.HtmlBody,
            Attachments = content.Attachments,
            Files = content.Files,
            InReplyTo = MailIdentity.Normalize(summary.InReplyTo),
            References = summary.References.Select(MailIdentity.Normalize).OfType<string>().ToList(),
            ThreadKey = MailIdentity.ThreadKey(candidate.Identity, summary.InReplyTo, summary.References),
            ThreadIndex = Timeline.Threads.ThreadIndex.Parse(summary.ThreadIndex),
            ImportedAt = now,
            Customers = candidate.Customers,
            ContentHash = MailIdentity.ContentHash(content.Date ?? summary.Date, from?.Address ?? "", content.TextBody, content.HtmlBody),
        };
    }
}
