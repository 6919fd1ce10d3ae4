using Digima.Blazor.Auth;
using Digima.Core.Awaiting;
using Digima.Core.Common;
using Digima.Core.MailImport.Privacy;
using Digima.Core.Timeline;
using Digima.Core.Tracking;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Timeline;

public partial class TimelineEntry
{
    [Inject] private GetTimelineMailQuery GetMail { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private SetMailPrivateCommand SetPrivate { get; set; } = default!;

    [Parameter, EditorRequired] public TimelineItem Item { get; set; } = default!;
    [Parameter, EditorRequired] public long CustomerId { get; set; }
    [Parameter] public CurrentUser? Actor { get; set; }
    [Parameter] public EventCallback<TimelineItem> OnShowThread { get; set; }

    /// <summary>開封 of this mail by the customer, if tracked and seen.</summary>
    [Parameter] public TrackingSummary? Opens { get; set; }

    /// <summary>クリック of this mail's links by the customer, if tracked and seen.</summary>
    [Parameter] public TrackingSummary? Clicks { get; set; }

    /// <summary>Set on the customer's mail still waiting for our reply (返信待ち).</summary>
    [Parameter] public AwaitingReply? Waiting { get; set; }

    private TimelineMail? _full;
    private bool _private;

    /// <summary>「非公開」 is the rep's own choice for mail imported from their own mailbox.</summary>
    private bool CanMarkPrivate => Item.ImportedMailId is not null && Actor is not null && Item.RepUserId == Actor.Id;

    private TimelineItem? _shown;

    // A re-render of the timeline passes the same item: the rep's toggle stays; a reloaded item is taken as it is.
    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Item))
        {
            _shown = Item;
            _private = Item.IsPrivate;
        }
    }

    private async Task TogglePrivateAsync()
    {
        await SetPrivate.SetAsync(await CurrentUser.GetAsync(), Item.ImportedMailId!.Value, !_private, CancellationToken.None);
        _private = !_private;
    }

    private string ReplyHref => Item.OutgoingMailId is { } sent ? $"/mail/compose?replySent={sent}" : $"/mail/compose?reply={Item.ImportedMailId}";

    private string ReplyAllHref => Item.OutgoingMailId is { } sent ? $"/mail/compose?replyAllSent={sent}" : $"/mail/compose?replyAll={Item.ImportedMailId}";

    private string ForwardHref => Item.OutgoingMailId is { } sent ? $"/mail/compose?forwardSent={sent}" : $"/mail/compose?forward={Item.ImportedMailId}";

    private string DuplicateHref => Item.OutgoingMailId is { } sent ? $"/mail/compose?duplicateSent={sent}" : $"/mail/compose?duplicate={Item.ImportedMailId}";

    private async Task ToggleAsync()
    {
        _full = _full is null ? await GetMail.GetAsync(await CurrentUser.GetAsync(), CustomerId, Item.Id, CancellationToken.None) : null;
    }

    private string EventIcon => Item.EventKind switch
    {
        CustomerEventKind.Scheduled => Icons.Material.Filled.Schedule,
        CustomerEventKind.Held => Icons.Material.Filled.PauseCircle,
        CustomerEventKind.Failed => Icons.Material.Filled.ErrorOutline,
        CustomerEventKind.Opened => Icons.Material.Filled.Drafts,
        CustomerEventKind.Clicked => Icons.Material.Filled.AdsClick,
        _ => Icons.Material.Filled.EditNote,
    };

    private string EventText
    {
        get
        {
            var label = T[$"Timeline_Event_{Item.EventKind}"].Value;
            var detail = Item.EventKind == CustomerEventKind.ContactFieldChanged
                ? string.Join(T["ListSeparator"].Value, Item.EventDetail.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(FieldLabel))
                : Item.EventDetail;
            var subject = Item.Subject.Length > 0 ? T["Quoted", Item.Subject].Value : "";
            return string.Join(" ", new[] { label, subject, detail }.Where(s => s.Length > 0));
        }
    }

    private string FieldLabel(string field) => T[field == "OwnerUserId" ? "Customer_Owner" : $"Customer_{field}"].Value;
}
