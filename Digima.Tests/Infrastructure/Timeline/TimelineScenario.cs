using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.MailImport;
using Digima.Core.Sending;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Timeline;

/// <summary>A database with reps and customers, and shortcuts to write mail as the outbox and the
/// importer do (through their repositories, so the timeline and thread bookkeeping runs).</summary>
public sealed class TimelineScenario : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private long _uid;

    private TimelineScenario(ServiceHarness services) => Services = services;

    public ServiceHarness Services { get; }

    public static async Task<TimelineScenario> CreateAsync(string purpose) => new(await ServiceHarness.CreateAsync(purpose));

    public Task<CurrentUser> AddRepAsync(UserRole role = UserRole.Rep) =>
        Services.AddUserAsync(role, $"rep.{Guid.NewGuid():N}"[..16] + "@digima.test");

    public Task<Customer> AddCustomerAsync(string lastName) => Services.AddCustomerAsync(lastName, "様");

    public static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    /// <summary>A mail written in this app, queued, to the given customers.</summary>
    public async Task<OutgoingMail> SendAsync(CurrentUser rep, string subject, int minute, IEnumerable<Customer> to, string? inReplyTo = null, string references = "")
    {
        var mail = new OutgoingMail
        {
            UserId = rep.Id,
            MessageId = $"{Guid.NewGuid():N}@digima.test",
            Subject = subject,
            BodyText = $"{subject} の本文です。\n二行目です。",
            CreatedAt = At(minute),
            InReplyTo = inReplyTo,
            ReferencesHeader = references,
            Recipients = to.Select(c => new OutgoingRecipient(RecipientKind.To, c.Id, c.Email, c.FullName)).ToList(),
        };
        return mail with { Id = await Services.Get<IOutgoingMailRepository>().InsertAsync(mail, CancellationToken.None) };
    }

    /// <summary>A mail imported from the rep's mailbox, from (received) or to (sent) the customer.</summary>
    public async Task ImportAsync(CurrentUser rep, Customer customer, string messageId, string subject, int minute, bool received,
        string? inReplyTo = null, params string[] references)
    {
        var mail = new ImportedMail
        {
            UserId = rep.Id,
            MessageId = messageId,
            Direction = received ? MailDirection.Received : MailDirection.Sent,
            FolderKind = received ? MailFolderKind.Inbox : MailFolderKind.Sent,
            UidValidity = 1,
            Uid = Interlocked.Increment(ref _uid),
            Subject = subject,
            FromAddress = received ? customer.Email : rep.Email,
            FromName = received ? customer.FullName : rep.DisplayName,
            To = [received ? new MailParty(rep.Email, rep.DisplayName) : new MailParty(customer.Email, customer.FullName)],
            MailDate = At(minute),
            Snippet = subject,
            BodyText = $"{subject} の本文",
            InReplyTo = inReplyTo,
            References = references,
            ThreadKey = MailIdentity.ThreadKey(messageId, inReplyTo, references),
            ImportedAt = At(minute),
            Customers = [new MailCustomerLink(customer.Id, received ? MailCustomerRole.From : MailCustomerRole.To)],
        };
        var kind = received ? MailFolderKind.Inbox : MailFolderKind.Sent;
        var batch = new MailImportBatch(rep.Id, new MailImportCursor(kind, "INBOX", 1, (uint)mail.Uid, 0, 1, 0), 1, [mail], [], At(minute));
        await Services.Get<IImportedMailRepository>().StoreBatchAsync(batch, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
