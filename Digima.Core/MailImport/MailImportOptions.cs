using System.ComponentModel.DataAnnotations;
using Digima.Core.Common;

namespace Digima.Core.MailImport;

/// <summary><c>Digima:MailImport</c>: the IMAP import (R18).</summary>
public sealed class MailImportOptions : IValidatableObject
{
    public const string Section = "Digima:MailImport";

    /// <summary>The first sync of a folder (and a re-scan after UIDVALIDITY changed) reads only
    /// the mail that arrived in these last days, not the whole history.</summary>
    [Range(1, 3650, ErrorMessage = "must be between {1} and {2}.")]
    public int FirstSyncDays { get; set; } = 90;

    /// <summary>A customer created, or whose address changed, gets the mail of these last days
    /// exchanged with them from every connected mailbox (searched by the server). Up to two years.</summary>
    [Range(1, 730, ErrorMessage = "must be between {1} and {2}.")]
    public int BackfillDays { get; set; } = 90;

    /// <summary>The backfill worker on this node (takes queued backfills; off on nodes that only serve pages).</summary>
    public bool BackfillEnabled { get; set; } = true;

    /// <summary>How often the worker looks for queued backfills when no event woke it (a CSV
    /// import, a request from a node whose event was lost).</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan BackfillPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A node holds the backfills it took this long, renewed as it goes; a node that
    /// stopped or died leaves them to another once it runs out.</summary>
    [TimeSpanRange("00:00:10")]
    public TimeSpan BackfillLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A backfill of a mailbox that is syncing is taken again after this delay.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan BackfillBusyDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages per summary and body fetch: one IMAP command each, and the most mail
    /// held in memory at once. Each batch also costs a dozen database round trips and a
    /// transaction, so a first import of 10,000 messages took a fifth less time with 500 than
    /// with 200 (1,000 gained nothing more).</summary>
    [Range(1, 5000, ErrorMessage = "must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>A sync's logged-in IMAP connection is kept this long for the mailbox's next sync
    /// (an unchanged re-sync then needs no login); zero logs out after every sync. Below the
    /// 30 minutes after which servers may drop an idle client.</summary>
    [TimeSpanRange("00:00:00", "00:29:00", MaximumIsExclusive = true)]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The periodic Quartz job per mailbox; off on nodes that only serve pages, and in tests.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    [TimeSpanRange("00:00:10")]
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The IMAP IDLE listener on each connected Inbox.</summary>
    public bool IdleEnabled { get; set; } = true;

    /// <summary>IDLE is re-issued before servers drop it (RFC 2177 allows them to after 30 minutes).</summary>
    [TimeSpanRange("00:00:00", "00:29:00", MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public TimeSpan IdleRenewal { get; set; } = TimeSpan.FromMinutes(25);

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the listeners and jobs follow mailboxes connected or removed meanwhile.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true)]
    public TimeSpan MailboxRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            yield return new ValidationResult($"must not be below ReconnectMinDelay ({ReconnectMinDelay:c}).", [nameof(ReconnectMaxDelay)]);
        }
    }
}
