using Digima.Blazor.Auth;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>新規個別メール作成 (R3-R10, R12).</summary>
public partial class ComposePage
{
    private const string SubjectId = "compose-subject";
    private const string BodyId = "compose-body";

    [Inject] private PreviewMailQuery Preview { get; set; } = default!;
    [Inject] private SendMailCommand Send { get; set; } = default!;
    [Inject] private Digima.Core.Scheduling.ScheduleMailCommand Schedule { get; set; } = default!;
    [Inject] private GetCustomerQuery GetCustomer { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

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

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync();
        if (ReplyToMailId is { } replyTo)
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

        _showCcBcc = _input.Cc.Count > 0 || _input.Bcc.Count > 0;
        if (ToCustomerId is { } id)
        {
            var customer = await GetCustomer.GetAsync(await CurrentUser.GetAsync(), id, CancellationToken.None);
            _input.To.Add(new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
        }

        await RefreshPreviewAsync();
    }

    private async Task SubjectChangedAsync(string? value)
    {
        _input.Subject = value ?? "";
        await RefreshPreviewAsync();
    }

    private async Task BodyChangedAsync(string? value)
    {
        _input.Body = value ?? "";
        await RefreshPreviewAsync();
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

    private async Task SendNowAsync()
    {
        _errors = [];
        _generalErrors = [];
        await RefreshPreviewAsync();
        var parameters = new DialogParameters<ConfirmSendDialog> { { d => d.Input, _input }, { d => d.Subject, _preview?.Subject.Text ?? _input.Subject } };
        var confirm = await Dialogs.ShowAsync<ConfirmSendDialog>(T["Compose_ConfirmTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await confirm.Result is not { Canceled: false })
        {
            return;
        }

        await SubmitAsync(user => Send.SendNowAsync(user, _input, CancellationToken.None), T["Compose_Queued"]);
    }

    /// <summary>「予約送信」 (R11): the time in the rep's zone, then the same checks as sending now.</summary>
    private async Task ScheduleAsync()
    {
        _errors = [];
        _generalErrors = [];
        var user = await CurrentUser.GetAsync();
        var parameters = new DialogParameters<ScheduleSendDialog> { { d => d.ZoneId, user.TimeZoneId } };
        var dialog = await Dialogs.ShowAsync<ScheduleSendDialog>(T["Compose_Schedule"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: DateTime at })
        {
            return;
        }

        await SubmitAsync(actor => Schedule.ScheduleAsync(actor, _input, at, actor.TimeZoneId, CancellationToken.None), T["Compose_Scheduled"], "?filter=scheduled");
    }

    private async Task SubmitAsync(Func<Digima.Core.Common.CurrentUser, Task<Digima.Core.Common.Outcome<long>>> submit, string done, string listQuery = "")
    {
        _sending = true;
        try
        {
            var outcome = await submit(await CurrentUser.GetAsync());
            if (outcome.Succeeded)
            {
                Snackbar.Add(done, Severity.Success);
                Navigation.NavigateTo("/mail/individual" + listQuery);
                return;
            }

            _errors = outcome.Errors.Where(e => e.PropertyName is nameof(ComposeInput.Subject) or nameof(ComposeInput.Body))
                .GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
            _generalErrors = outcome.Errors.Where(e => !_errors.ContainsKey(e.PropertyName))
                .Select(e => new SendError(e.ErrorMessage, e.CustomState as long?, e.PropertyName == SendMailCommand.MailboxProblem))
                .ToList();
        }
        finally
        {
            _sending = false;
        }
    }

    private sealed record SendError(string Message, long? CustomerId, bool IsMailbox);
}
