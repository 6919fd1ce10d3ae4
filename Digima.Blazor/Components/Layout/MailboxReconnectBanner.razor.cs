using Digima.Blazor.Auth;
using Digima.Core.LiveUpdates;
using Digima.Core.Mailboxes;
using Microsoft.AspNetCore.Components;

namespace Digima.Blazor.Components.Layout;

public partial class MailboxReconnectBanner
{
    [Inject] private GetMailboxReconnectQuery Reconnect { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    private readonly List<IDisposable> _subscriptions = [];
    private MailboxReconnectNotice? _notice;

    protected override async Task OnInitializedAsync()
    {
        var userId = (await CurrentUser.GetAsync()).Id;
        _subscriptions.Add(Live.Subscribe<MailboxReconnectChanged>(e => e.UserId == userId ? InvokeAsync(() => ChangedAsync(e.Required)) : Task.CompletedTask));
        _subscriptions.Add(Live.Subscribe<LiveEventsResumed>(_ => InvokeAsync(() => ChangedAsync(required: true))));
        await LoadAsync();
    }

    private async Task LoadAsync() => _notice = await Reconnect.GetAsync(await CurrentUser.GetAsync(), CancellationToken.None);

    /// <summary>A mark reads the row once (for the provider's name); a reconnect needs no read.</summary>
    private async Task ChangedAsync(bool required)
    {
        if (required)
        {
            await LoadAsync();
        }
        else
        {
            _notice = null;
        }

        StateHasChanged();
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
