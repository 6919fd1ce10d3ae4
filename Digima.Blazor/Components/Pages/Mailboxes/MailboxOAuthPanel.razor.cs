using Digima.Blazor.Auth;
using Digima.Blazor.Resources;
using Digima.Core.Mailboxes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Mailboxes;

public partial class MailboxOAuthPanel
{
    [Parameter, EditorRequired] public MailboxSettingsView View { get; set; } = default!;

    /// <summary>Raised after 「接続を解除」, for the page to load the settings again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private DisconnectMailboxOAuthCommand Disconnect { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<MailboxText> M { get; set; } = default!;

    private bool _disconnecting;

    private string Label(OAuthProviderInfo provider) => provider.Kind switch
    {
        OAuthProviderKind.Google => M["OAuth_Google"],
        OAuthProviderKind.Microsoft => M["OAuth_Microsoft"],
        _ => M["OAuth_Generic", provider.DisplayName],
    };

    // A full page load: the start endpoint answers with a redirect to the provider, which the
    // circuit's own navigation would not follow.
    private void Start(string provider) =>
        Navigation.NavigateTo($"mailboxes/oauth/start/{Uri.EscapeDataString(provider)}", forceLoad: true);

    private async Task DisconnectAsync()
    {
        _disconnecting = true;
        try
        {
            if (await Disconnect.DisconnectAsync(await CurrentUser.GetAsync(), CancellationToken.None))
            {
                Snackbar.Add(M["OAuth_Disconnected"], Severity.Success);
            }

            await Changed.InvokeAsync();
        }
        finally
        {
            _disconnecting = false;
        }
    }
}
