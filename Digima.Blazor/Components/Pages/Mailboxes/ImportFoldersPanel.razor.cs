using Digima.Blazor.Auth;
using Digima.Core.MailImport;
using Digima.Core.Mailboxes;
using Digima.Core.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Mailboxes;

public partial class ImportFoldersPanel
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private ImportFolderChoice? _choice;
    private string? _error;
    private bool _saving;

    [Inject] private ListImportFoldersQuery Folders { get; set; } = default!;
    [Inject] private SaveImportFoldersCommand Save { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<CoreMessages> Messages { get; set; } = default!;

    /// <summary>Told when the choice was saved (the sync card shows the chosen folders).</summary>
    [Parameter] public EventCallback Saved { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var user = await CurrentUser.GetAsync();
            _choice = await Folders.ListAsync(user, user.Id, CancellationToken.None);
            _checked.Clear();
            _checked.UnionWith(_choice.Folders?.Where(f => _choice.Chosen.Contains(f.Folder)).Select(f => f.FullName) ?? []);
        }
        catch (MailImportException e)
        {
            _error = e.Message;
        }
        catch (MailboxTokenUnavailableException)
        {
            _error = Messages["MailboxTokenUnavailable"];
        }
        catch (Exception e) when (MailboxUnusable.IsRepsToFix(e))
        {
            // A mailbox to reconnect (the provider ended the grant): the page above says so and
            // offers 「再接続」; the folders are listed again once it is connected.
            _error = MailboxUnusable.Message(e, Messages);
        }
    }

    private void Toggle(string fullName, bool on)
    {
        if (on)
        {
            _checked.Add(fullName);
        }
        else
        {
            _checked.Remove(fullName);
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        _error = null;
        try
        {
            var user = await CurrentUser.GetAsync();
            var outcome = await Save.SaveAsync(user, user.Id, _checked.ToList(), CancellationToken.None);
            if (!outcome.Succeeded)
            {
                _error = string.Join(" ", outcome.Errors.Select(e => e.ErrorMessage));
                return;
            }

            Snackbar.Add(T["Folders_Saved"].Value, Severity.Success);
            await Saved.InvokeAsync();
        }
        catch (MailImportException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>What the folder is, in the rep's words: the Inbox and Sent as the app uses them,
    /// else the special use the server announced (Gmail's labels have none).</summary>
    private string? Use(ServerFolder folder) => folder.Folder.Kind switch
    {
        MailFolderKind.Inbox => T["Folders_Inbox"].Value,
        MailFolderKind.Sent => T["Folders_Sent"].Value,
        _ when folder.SpecialUse is { } use => T[$"Folders_Use_{use}"].Value,
        _ => null,
    };
}
