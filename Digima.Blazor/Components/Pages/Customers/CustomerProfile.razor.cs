using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Customers;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport;
using Digima.Core.Sending;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

public partial class CustomerProfile
{
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private ListCustomerMailQuery ListMail { get; set; } = default!;
    [Inject] private ListCustomerImportedMailQuery ListImported { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private Customer? _customer;
    private bool _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IReadOnlyList<TimelineEntry> _timeline = [];
    private IDisposable[] _subscriptions = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_subscriptions.Length == 0)
        {
            // Mail imported, sent, opened or clicked for this customer, on any node (R28).
            _subscriptions =
            [
                Live.Subscribe<MailImported>(e => e.CustomerIds.Contains(Id) ? InvokeAsync(RefreshTimelineAsync) : Task.CompletedTask),
                Live.Subscribe<OutgoingMailStatusChanged>(e => e.CustomerIds.Contains(Id) ? InvokeAsync(RefreshTimelineAsync) : Task.CompletedTask),
                Live.Subscribe<TrackingRecorded>(e => e.CustomerId == Id ? InvokeAsync(RefreshTimelineAsync) : Task.CompletedTask),
                Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(RefreshTimelineAsync)),
            ];
        }

        await LoadAsync();
    }

    /// <summary>Mail sent from the app and mail imported from the reps' mailboxes, newest first.
    /// The full timeline with threads and events is its own feature.</summary>
    private async Task<IReadOnlyList<TimelineEntry>> LoadTimelineAsync()
    {
        var user = await CurrentUser.GetAsync();
        var sent = await ListMail.ListAsync(user, Id, CancellationToken.None);
        var imported = await ListImported.ListAsync(user, Id, 50, CancellationToken.None);
        return sent.Select(m => new TimelineEntry(false, m.Subject, m.SentAt ?? m.CreatedAt, Snippet(m.BodyText), m.Status))
            .Concat(imported.Select(m => new TimelineEntry(m.Direction == MailDirection.Received, m.Subject, m.MailDate, m.Snippet, null)))
            .OrderByDescending(e => e.At)
            .ToList();
    }

    // New mail shows up without a reload (R28), whichever node imported or sent it.
    private async Task RefreshTimelineAsync()
    {
        try
        {
            var fresh = await LoadTimelineAsync();
            if (fresh.Count != _timeline.Count || fresh.Zip(_timeline).Any(p => p.First != p.Second))
            {
                _timeline = fresh;
                StateHasChanged();
            }
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between two checks.
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private sealed record TimelineEntry(bool Received, string Subject, DateTimeOffset At, string Snippet, MailStatus? Status);

    private async Task LoadAsync()
    {
        try
        {
            var user = await CurrentUser.GetAsync();
            _customer = await GetCustomer.GetAsync(user, Id, CancellationToken.None);
            _timeline = await LoadTimelineAsync();
            _notFound = false;
        }
        catch (NotFoundException)
        {
            _customer = null;
            _notFound = true;
        }

        _breadcrumbs =
        [
            new BreadcrumbItem(T["Nav_Customers"], "/customers"),
            new BreadcrumbItem(_customer?.FullName ?? T["Customer_Profile"], null, disabled: true),
        ];
    }

    private static string Snippet(string body) =>
        body.Length <= 140 ? body : string.Concat(body.AsSpan(0, 140), "…");

    private async Task EditAsync()
    {
        if (_customer is null)
        {
            return;
        }

        var saved = await CustomerFormDialog.ShowAsync(Dialogs, T["Customer_EditTitle"], _customer.Id, CustomerInput.From(_customer));
        if (saved is not null)
        {
            Snackbar.Add(T["Customers_Saved"], Severity.Success);
            await LoadAsync();
        }
    }
}
