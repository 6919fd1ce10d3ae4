using Digima.Blazor.Auth;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.MailImport;

/// <summary>One tab of the mailbox: newest first, keyset paging ("more" appends the next page),
/// search, preview, delete. New mail shows up by itself: when the bus says mail was imported into
/// this mailbox (on any node), the list checks for a newer first row (R28).</summary>
public partial class ImportedMailList
{
    private const int PageSize = 50;

    [Inject] private ListImportedMailQuery List { get; set; } = default!;
    [Inject] private DeleteImportedMailCommand Delete { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    [Parameter, EditorRequired] public long OwnerId { get; set; }
    [Parameter, EditorRequired] public MailDirection Direction { get; set; }

    /// <summary>Only mail dated within it; null for all.</summary>
    [Parameter] public MailPeriod? Period { get; set; }

    private readonly List<ImportedMailRow> _rows = [];
    private string? _search;
    private bool _hasMore;
    private bool _loading = true;
    private bool CanDelete { get; set; }
    private readonly List<IDisposable> _subscriptions = [];

    private string DirectionCode => Direction == MailDirection.Received ? "received" : "sent";

    protected override async Task OnInitializedAsync()
    {
        CanDelete = (await CurrentUser.GetAsync()).Id == OwnerId;
        _subscriptions.Add(Live.Subscribe<MailImported>(e => e.UserId == OwnerId ? InvokeAsync(CheckForNewAsync) : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(CheckForNewAsync)));
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _loading = true;
        var page = await FetchAsync(null, Math.Max(PageSize, _rows.Count));
        _rows.Clear();
        _rows.AddRange(page);
        _hasMore = page.Count >= Math.Max(PageSize, _rows.Count) && page.Count > 0;
        _loading = false;
    }

    private async Task LoadMoreAsync()
    {
        var page = await FetchAsync(MailPageKey.After(_rows[^1]), PageSize);
        _rows.AddRange(page);
        _hasMore = page.Count == PageSize;
    }

    private async Task CheckForNewAsync()
    {
        try
        {
            var newest = await FetchAsync(null, 1);
            if (newest.Count > 0 && (_rows.Count == 0 || newest[0].Id != _rows[0].Id))
            {
                await ReloadAsync();
                StateHasChanged();
            }
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between two checks.
        }
    }

    private async Task<IReadOnlyList<ImportedMailRow>> FetchAsync(MailPageKey? after, int limit) =>
        await List.ListAsync(await CurrentUser.GetAsync(), OwnerId, Direction, _search, after, Math.Min(limit, ListImportedMailQuery.MaxPageSize), Period, CancellationToken.None);

    private async Task SearchChangedAsync(string? text)
    {
        _search = text;
        _rows.Clear();
        await ReloadAsync();
    }

    private async Task OpenAsync(ImportedMailRow row)
    {
        var parameters = new DialogParameters<MailPreviewDialog> { { d => d.MailId, row.Id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<MailPreviewDialog>(row.Subject.Length == 0 ? T["Mailbox_NoSubject"] : row.Subject, parameters, options);
        // 「非公開」 may have changed in the preview: the list shows it.
        await dialog.Result;
        await ReloadAsync();
    }

    private async Task DeleteAsync(ImportedMailRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            T["Mailbox_DeleteTitle"], T["Mailbox_DeleteText", row.Subject], yesText: T["Mailbox_DeleteYes"], cancelText: T["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        if (await Delete.DeleteAsync(await CurrentUser.GetAsync(), row.Id, CancellationToken.None))
        {
            _rows.Remove(row);
            Snackbar.Add(T["Mailbox_Deleted"], Severity.Success);
        }
    }

    private string Party(ImportedMailRow row) => Direction == MailDirection.Received
        ? (row.FromName.Length > 0 ? row.FromName : row.FromAddress)
        : string.Join(T["ListSeparator"].Value, row.To.Select(p => p.Name.Length > 0 ? p.Name : p.Address));

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
