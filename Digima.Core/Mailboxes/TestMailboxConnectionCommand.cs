using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Digima.Core.Mailboxes;

/// <summary>「接続テスト」 (R1): logs in to the SMTP and IMAP servers of the form, as typed and not
/// yet saved, and finds the Sent folder. An empty password field uses the saved password, under
/// the same rule as saving. When the saved IMAP login is the one tested, the Sent folder found is
/// saved at once. Runs are limited per user (<see cref="IConnectionTestLimiter"/>), and the report
/// names what failed, never the server's own words (those go to the log, for an administrator).
/// A mailbox connected with OAuth 2.0 is tested with its access token, from the credential source
/// sending uses, while the form names its servers and login unchanged.</summary>
public sealed class TestMailboxConnectionCommand(
    IMailboxRepository mailboxes,
    IMailboxConnections connections,
    ISecretProtector secrets,
    IMailServerProbe probe,
    IConnectionTestLimiter limiter,
    IValidator<MailboxInput> validator,
    IStringLocalizer<MailboxMessages> text,
    IStringLocalizer<CoreMessages> coreText,
    TimeProvider clock,
    ILogger<TestMailboxConnectionCommand> logger)
{
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Outcome<MailboxTestReport>> TestAsync(CurrentUser actor, MailboxInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var saved = await mailboxes.GetAsync(actor.Id, cancellationToken);
        var clean = MailboxForm.Prepare(input, saved);
        // The sender fields play no part in a login; the rep may test before filling them in.
        var validation = await validator.ValidateAsync(
            clean, o => o.IncludeProperties(nameof(MailboxInput.Smtp), nameof(MailboxInput.Imap)), cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<MailboxTestReport>.Failure(validation.Errors);
        }

        if (!limiter.TryAcquire(actor.Id))
        {
            return Outcome<MailboxTestReport>.Failure("", text["ConnectionTestThrottled"]);
        }

        MailServerLogin? smtp, imap;
        if (saved?.OAuth is not null && clean.Smtp.SavedPassword == SavedPassword.Usable && clean.Imap.SavedPassword == SavedPassword.Usable
            && clean.Smtp.Password.Length == 0 && clean.Imap.Password.Length == 0)
        {
            try
            {
                (smtp, imap) = await connections.GetAsync(actor.Id, cancellationToken) is { } connection ? (connection.Smtp, connection.Imap) : (null, null);
            }
            catch (Exception e) when (e is MailboxReconnectRequiredException or MailboxTokenUnavailableException)
            {
                return Outcome<MailboxTestReport>.Failure("", coreText[e is MailboxReconnectRequiredException ? "MailboxReconnectRequired" : "MailboxTokenUnavailable"]);
            }
            catch (SecretUnreadableException e)
            {
                logger.LogWarning(e, "The saved OAuth tokens of user {UserId} cannot be decrypted", actor.Id);
                (smtp, imap) = (null, null);
            }
        }
        else
        {
            smtp = Login(clean.Smtp, saved?.Smtp, actor.Id);
            imap = Login(clean.Imap, saved?.Imap, actor.Id);
        }

        if (smtp is null || imap is null)
        {
            return Outcome<MailboxTestReport>.Failure(
                smtp is null ? "Smtp.Password" : "Imap.Password", text["StoredPasswordUnreadable"]);
        }

        var smtpProbe = probe.ProbeSmtpAsync(smtp, cancellationToken);
        var imapProbe = probe.ProbeImapAsync(imap, cancellationToken);
        var (smtpResult, imapResult) = (await smtpProbe, await imapProbe);
        logger.LogInformation(
            "Mailbox test of user {UserId}: SMTP {SmtpHost}:{SmtpPort} {SmtpStatus} {SmtpDetail}, IMAP {ImapHost}:{ImapPort} {ImapStatus} {ImapDetail}",
            actor.Id, smtp.Host, smtp.Port, smtpResult.Status, smtpResult.Detail, imap.Host, imap.Port, imapResult.Status, imapResult.Detail);
        var report = new MailboxTestReport(smtpResult with { Detail = null }, imapResult with { Detail = null }, clean.Smtp.Key, clean.Imap.Key);

        if (saved is not null && report.Imap is { Succeeded: true, SentFolderName: { } folder })
        {
            await mailboxes.SetSentFolderAsync(actor.Id, report.TestedImap, folder, clock.GetUtcNow(), cancellationToken);
        }

        return Outcome<MailboxTestReport>.Success(report);
    }

    /// <summary>The login to try; null when the saved password it needs cannot be decrypted.</summary>
    private MailServerLogin? Login(MailServerInput input, StoredMailServer? saved, long userId)
    {
        try
        {
            // The validator has made sure that an empty password has a usable saved one behind it.
            var password = input.Password.Length > 0 ? input.Password : secrets.Unprotect(saved!.ProtectedPassword);
            return new MailServerLogin(input.Host, input.Port, input.Security, input.UserName, password);
        }
        catch (SecretUnreadableException e)
        {
            logger.LogWarning(e, "A saved mailbox password of user {UserId} cannot be decrypted", userId);
            return null;
        }
    }
}
