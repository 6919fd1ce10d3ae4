namespace Digima.Core.Compose;

/// <summary>What 「送信の確認」 shows about the recipients: grouped by company and the warnings
/// the rep acknowledges one by one before 「確認」. Warnings never block the mail.</summary>
public sealed record RecipientCheck(IReadOnlyList<RecipientGroup> Groups, IReadOnlyList<RecipientWarning> Warnings)
{
    public static readonly RecipientCheck Empty = new([], []);
}

/// <summary>The recipients of one company: the customer's 会社名, or the address's domain when it is
/// empty. Internal groups hold the rep's own or a colleague's domain.</summary>
public sealed record RecipientGroup(string Name, bool IsInternal, IReadOnlyList<CheckedRecipient> Recipients);

public sealed record CheckedRecipient(RecipientKind Kind, string Email, string DisplayName);

public enum RecipientWarningKind
{
    /// <summary>A domain the rep never wrote to (Names: the domains).</summary>
    NewDomain,

    /// <summary>宛先 and Cc mix several external companies (Names: the companies).</summary>
    SeveralCompanies,

    /// <summary>Bcc is empty while many external addresses are in 宛先 and Cc (Names: the limit).</summary>
    BccSuggested,

    /// <summary>The salutation names someone other than the first 宛先 (Names: the name written, the first 宛先's name).</summary>
    SalutationMismatch,
}

/// <param name="Addresses">The addresses concerned.</param>
/// <param name="Names">What the message names, per kind (see <see cref="RecipientWarningKind"/>).</param>
public sealed record RecipientWarning(RecipientWarningKind Kind, IReadOnlyList<string> Addresses, IReadOnlyList<string> Names);

/// <summary>What the database knows of the recipients' domains for one rep.</summary>
/// <param name="WrittenTo">Domains the rep has sent mail to (from the app or, imported, from their own client).</param>
/// <param name="Internal">The domains of the users' own addresses: the rep's and colleagues'.</param>
/// <param name="HasSentMail">Whether the rep has sent any mail at all.</param>
public sealed record DomainHistory(IReadOnlySet<string> WrittenTo, IReadOnlySet<string> Internal, bool HasSentMail);

/// <summary>The recipients' domains as the database knows them.</summary>
public interface IRecipientDomainHistory
{
    /// <summary>One statement for all <paramref name="domains"/> (lower-case), never one per recipient.</summary>
    Task<DomainHistory> GetAsync(long userId, IReadOnlyCollection<string> domains, CancellationToken cancellationToken);
}
