using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>新規個別メール作成, a reply (to all), a forward or a duplicate (R3-R10, R12, R16, R21, E5).</summary>
public partial class ComposePage : IDisposable
{
    private const string SubjectId = "compose-subject";
    private const string BodyId = "compose-body";
    private static readonly TimeSpan PreviewDelay = TimeSpan.FromMilliseconds(250);

    [Inject] private PreviewMailQuery Preview { get; set; } = default!;
    [Inject] private SendMailCommand Send { get; set; } = default!;
    [Inject] private CheckMailQuery Check { get; set; } = default!;
    [Inject] private Digima.Core.Scheduling.ScheduleMailCommand Schedule { get; set; } = default!;
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    /// <summary>Compose to one customer straight from their profile.</summary>
    [SupplyParameterFromQuery(Name = "to")]
    private long? ToCustomerId { get; set; }

    /// <summary>「返信」 from the mailbox preview: the imported mail answered.</summary>
    [SupplyParameterFromQuery(Name = "reply")]
    private long? ReplyToMailId { get; set; }

    /// <summary>「返信」 on the timeline to a mail written in this app.</summary>
    [SupplyParameterFromQuery(Name = "replySent")]
    private long? ReplyToSentMailId { get; set; }

    /// <summary>「複製」 of an imported mail.</summary>
    [SupplyParameterFromQuery(Name = "duplicate")]
    private long? DuplicateMailId { get; set; }

    /// <summary>「複製」 of a mail written in this app.</summary>
    [SupplyParameterFromQuery(Name = "duplicateSent")]
    private long? DuplicateSentMailId { get; set; }

    [Inject] private DraftFromMailQuery Drafts { get; set; } = default!;

    private ComposeInput _input = new();
    private MailPreview? _preview;
    private Dictionary<string, string> _errors = [];
    private List<SendError> _generalErrors = [];
    private bool _showCcBcc;
    private bool _sending;
    private bool _notFound;
    private CancellationTokenSource? _previewDelay;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _user = await CurrentUser.GetAsync();
            await StartDraftAsync(_user);
        }
        catch (NotFoundException)
        {
            // Another rep's mail, or one that no longer exists: say so instead of failing the page.
            _notFound = true;
            return;
        }

        StartAutosave();
        WatchRecipients();
        _showCcBcc = _input.Cc.Count > 0 || _input.Bcc.Count > 0;
        await RefreshPreviewAsync();
    }

    /// <summary>The page's heading: what the rep is writing (R16 reply, R21 duplicate).</summary>
    private string Title => _draftKind switch
    {
        DraftKind.ReplyAll => T["Compose_TitleReplyAll"],
        DraftKind.Forward => T["Compose_TitleForward"],
        DraftKind.Reply => T["Compose_TitleReply"],
        DraftKind.Duplicate => T["Compose_TitleDuplicate"],
        _ => T["Compose_Title"],
    };

    private async Task StartDraftAsync(CurrentUser user)
    {
        if (DraftId is { } draftId)
        {
            await ResumeDraftAsync(user, draftId);
            return;
        }

        _draftKind = IsReplyAll ? DraftKind.ReplyAll
            : IsForward ? DraftKind.Forward
            : IsReply ? DraftKind.Reply
            : DuplicateMailId is not null || DuplicateSentMailId is not null ? DraftKind.Duplicate
            : DraftKind.New;
        if (await ReplyAllOrForwardAsync(user) is { } drafted)
        {
            _input = drafted;
        }
        else if (ReplyToMailId is { } replyTo)
        {
            _input = await Drafts.ReplyAsync(user, replyTo, CancellationToken.None);
        }
        else if (ReplyToSentMailId is { } replyToSent)
        {
            _input = await Drafts.ReplyToSentAsync(user, replyToSent, CancellationToken.None);
        }
        else if (DuplicateMailId is { } duplicate)
        {
            _input = await Drafts.DuplicateImportedAsync(user, duplicate, CancellationToken.None);
        }
        else if (DuplicateSentMailId is { } duplicateSent)
        {
            _input = await Drafts.DuplicateSentAsync(user, duplicateSent, CancellationToken.None);
        }
        else if (UndoneMailId is { } undone)
        {
            _input = await Drafts.UndoneAsync(user, undone, CancellationToken.None);
        }

        if (ToCustomerId is { } id)
        {
            var customer = await GetCustomer.GetAsync(user, id, CancellationToken.None);
            _input.To.Add(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        }
        await StartSignatureAsync(user);
    }

    // The fields take every keystroke at once, not debounced: a debounced field hands its value
    // over late and then renders that older value back into the textarea, losing the keys typed
    // meanwhile (with a long body the server lags enough for that to happen while typing). Only
    // the preview waits for a pause.
    private Task SubjectChangedAsync(string? value)
    {
        _input.Subject = value ?? "";
        return RefreshPreviewSoonAsync();
    }

    private Task BodyChangedAsync(string? value)
    {
        _input.Body = value ?? "";
        return RefreshPreviewSoonAsync();
    }

    /// <summary>Refreshes the preview once typing pauses for <see cref="PreviewDelay"/>.</summary>
    private async Task RefreshPreviewSoonAsync()
    {
        _previewDelay?.Cancel();
        _previewDelay?.Dispose();
        var delay = _previewDelay = new CancellationTokenSource();
        try
        {
            await Task.Delay(PreviewDelay, delay.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await RefreshPreviewAsync();
    }

    public void Dispose()
    {
        _previewDelay?.Cancel();
        _previewDelay?.Dispose();
        _customerChanges?.Dispose();
        SaveDraftOnLeave();
    }

    private async Task RefreshPreviewAsync() =>
        _preview = await Preview.PreviewAsync(await CurrentUser.GetAsync(), _input, CancellationToken.None);

    /// <summary>Inserts the chosen token at the caret of the subject or body (R7).</summary>
    private async Task InsertMergeFieldAsync(string fieldId)
    {
        var selection = await JS.InvokeAsync<int[]>("digimaCompose.selection", fieldId);
        var dialog = await Dialogs.ShowAsync<MergeFieldDialog>(T["Compose_MergeDialogTitle"], new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string token })
        {
            return;
        }

        var text = fieldId == SubjectId ? _input.Subject : _input.Body;
        var start = selection[0] < 0 ? text.Length : Math.Min(selection[0], text.Length);
        var end = Math.Clamp(selection[1], start, text.Length);
        var updated = string.Concat(text.AsSpan(0, start), token, text.AsSpan(end));
        if (fieldId == SubjectId)
        {
            _input.Subject = updated;
        }
        else
        {
            _input.Body = updated;
        }

        await RefreshPreviewAsync();
        StateHasChanged();
        await JS.InvokeVoidAsync("digimaCompose.setCaret", fieldId, start + token.Length);
    }
}
