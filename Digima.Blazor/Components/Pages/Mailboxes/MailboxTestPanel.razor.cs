using Digima.Blazor.Resources;
using Digima.Core.Mailboxes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Digima.Blazor.Components.Pages.Mailboxes;

public partial class MailboxTestPanel
{
    [Inject] private IStringLocalizer<MailboxText> M { get; set; } = default!;

    /// <summary>The sentence for one result: each status has its own resource
    /// (Probe_HostNotFound, ...) with {0} host, {1} port, {2} protocol.</summary>
    private string Message(string protocol, ProbeResult result, MailServerKey tested) => result switch
    {
        { Succeeded: true, SentFolderName: { } folder } => M["Probe_SucceededWithSent", folder],
        { Succeeded: true } => M["Probe_Succeeded"],
        _ => M[$"Probe_{result.Status}", tested.Host, tested.Port, protocol.ToUpperInvariant()],
    };
}
