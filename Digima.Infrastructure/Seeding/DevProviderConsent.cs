using System.Net;
using Digima.Core.Common;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Digima.Infrastructure.Seeding;

/// <summary>Connects a user's mailbox through the development OAuth server without a browser, for
/// the demo data and the benchmarks: the app's own <see cref="StartMailboxOAuthCommand"/> and
/// <see cref="CompleteMailboxOAuthCommand"/> (state, PKCE, code exchange, connection test), with
/// the server's sign-in and consent form answered in between as a rep would. Only that server's
/// form is known here; a real provider needs the rep in a browser.</summary>
public sealed class DevProviderConsent(StartMailboxOAuthCommand start, CompleteMailboxOAuthCommand complete, IOptions<OAuthOptions> options)
{
    /// <summary>The field names of the development server's sign-in page (Digima.DevOAuth).</summary>
    private const string LoginField = "login", PasswordField = "password", DecisionField = "decision", Allow = "allow";

    /// <exception cref="InvalidOperationException">No redirect URI is configured, or the provider did not answer with a code.</exception>
    /// <exception cref="MailboxTokenUnavailableException">The provider's discovery document could not be read.</exception>
    public async Task<OAuthConnectResult> ConnectAsync(CurrentUser user, string provider, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The flow needs the address registered at the provider; without a request there is no other.
        var redirectUri = options.Value.RedirectUri
            ?? throw new InvalidOperationException($"{OAuthOptions.Section}:{nameof(OAuthOptions.RedirectUri)} must be set to connect a mailbox without a browser.");
        var authorization = await start.StartAsync(user, provider, redirectUri, cancellationToken);

        var form = QueryHelpers.ParseQuery(authorization.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form[LoginField] = user.Email;
        form[PasswordField] = password;
        form[DecisionField] = Allow;
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = options.Value.RequestTimeout };
        using var answer = await http.PostAsync(authorization.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form), cancellationToken);
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location is not { } back)
        {
            throw new InvalidOperationException($"The OAuth server did not grant access for {user.Email}: HTTP {(int)answer.StatusCode}.");
        }

        var query = QueryHelpers.ParseQuery(back.Query);
        return await complete.CompleteAsync(user, query["state"].FirstOrDefault(), query["code"].FirstOrDefault(), redirectUri, cancellationToken);
    }
}
