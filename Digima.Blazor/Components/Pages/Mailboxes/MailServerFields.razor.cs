using Digima.Blazor.Resources;
using Digima.Core.Mailboxes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Digima.Blazor.Components.Pages.Mailboxes;

public partial class MailServerFields
{
    private static readonly MailSecurity[] Securities = [MailSecurity.SslOnConnect, MailSecurity.StartTls, MailSecurity.None];

    [Inject] private IStringLocalizer<MailboxText> M { get; set; } = default!;

    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter] public string Help { get; set; } = "";

    /// <summary>"smtp" or "imap": names the test ids and the validation errors ("Smtp.Host").</summary>
    [Parameter, EditorRequired] public string Protocol { get; set; } = "";

    /// <summary>The form's server; the fields write into it.</summary>
    [Parameter, EditorRequired] public MailServerInput Server { get; set; } = default!;

    /// <summary>The login a password is saved for, or null when none is saved.</summary>
    [Parameter] public MailServerKey? SavedKey { get; set; }

    /// <summary>The usual port for a security mode, given the current port.</summary>
    [Parameter, EditorRequired] public Func<MailSecurity, int, int> PortFor { get; set; } = (_, port) => port;

    [Parameter] public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    // The same rule as the use cases apply when saving or testing.
    private bool SavedPasswordUsable => SavedKey is not null && SavedKey.IsSameLogin(Server.Key);

    private string ErrorPrefix => Protocol.Length == 0 ? "" : char.ToUpperInvariant(Protocol[0]) + Protocol[1..] + ".";

    private bool HasError(string field) => Errors.ContainsKey(ErrorPrefix + field);

    private string? ErrorFor(string field) => Errors.GetValueOrDefault(ErrorPrefix + field);

    private string SecurityName(MailSecurity security) => M[$"Security_{security}"];

    private void SecurityChanged(MailSecurity security)
    {
        Server.Port = PortFor(security, Server.Port);
        Server.Security = security;
    }
}
