using Digima.Blazor.Auth;
using Digima.Core.LiveUpdates;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Notifications;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Layout;

public partial class NotificationBell
{
    [Inject] private ListNotificationsQuery List { get; set; } = default!;
    [Inject] private MarkNotificationReadCommand MarkRead { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private MakeCustomerMailPrivateCommand MakeCustomerMailPrivate { get; set; } = default!;

    private readonly List<IDisposable> _subscriptions = [];
    private NotificationList _list = new([], 0);

    protected override async Task OnInitializedAsync()
    {
        var userId = (await CurrentUser.GetAsync()).Id;
        _subscriptions.Add(Live.Subscribe<NotificationCreated>(e => e.UserId == userId ? InvokeAsync(() => ArrivedAsync(e.NotificationId)) : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(RefreshAsync)));
        await LoadAsync();
    }

    private async Task LoadAsync() => _list = await List.ListAsync(await CurrentUser.GetAsync(), CancellationToken.None);

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task ArrivedAsync(long id)
    {
        await LoadAsync();
        if (_list.Items.FirstOrDefault(n => n.Id == id) is { } notification)
        {
            Snackbar.Add(Message(notification), Severity.Info, o =>
            {
                o.Icon = Icons.Material.Outlined.Drafts;
                o.VisibleStateDuration = 10_000;
            });
        }

        StateHasChanged();
    }

    private async Task MarkReadAsync(long? id)
    {
        await MarkRead.MarkReadAsync(await CurrentUser.GetAsync(), id, CancellationToken.None);
        await LoadAsync();
    }

    // The customer opens first: marking read waits on the database, and the rep is waiting on the page.
    private async Task OpenAsync(Notification notification)
    {
        Navigation.NavigateTo(notification switch
        {
            { Kind: NotificationKind.MailboxReconnectRequired } => "/settings/mailbox",
            { Kind: NotificationKind.AwaitingSummary } => "/mail/awaiting",
            // The customer's timeline, where the reply stands first with its 「返信待ち」 chip and 「返信」.
            { CustomerId: { } customerId } => $"/customers/{customerId}",
            _ => "/mail/individual",
        });
        await MarkReadAsync(notification.Id);
    }

    /// <summary>The one click: the rep's mail with the customer a colleague registered becomes private.</summary>
    private async Task MakePrivateAsync(Notification notification, long customerId)
    {
        var count = await MakeCustomerMailPrivate.MakePrivateAsync(await CurrentUser.GetAsync(), customerId, CancellationToken.None);
        await MarkReadAsync(notification.Id);
        Snackbar.Add(T["Private_MadePrivate", count], Severity.Success);
    }

    private string Message(Notification notification) => notification switch
    {
        { Kind: NotificationKind.RecentCustomerMail } => T["Notifications_RecentCustomerMail", notification.Subject, notification.Party],
        { Kind: NotificationKind.Held } => T["Notifications_Held", notification.Subject],
        { Kind: NotificationKind.Failed } => T["Notifications_Failed", notification.Subject],
        { Kind: NotificationKind.CustomerReplied } => T["Notifications_CustomerReplied", notification.Party, notification.Subject],
        { Kind: NotificationKind.AwaitingSummary } => T["Notifications_AwaitingSummaryText", notification.ItemCount ?? 0, notification.Party],
        { Kind: NotificationKind.MailboxReconnectRequired } => T["Notifications_MailboxReconnectRequired"],
        { Party.Length: 0 } => T["Notifications_OpenedBySomeone", notification.Subject],
        _ => T["Notifications_Opened", notification.Party, notification.Subject],
    };

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
