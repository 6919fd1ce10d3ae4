using Digima.Blazor.Components.Pages.Scheduling;
using Digima.Core.Common;
using Digima.Core.Compose;
using FluentValidation.Results;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>「今すぐ送信」 and 「予約送信」 from the compose page: checked before any dialog opens,
/// refusals shown next to the field or above the buttons.</summary>
public partial class ComposePage
{
    /// <summary>「今すぐ送信」: the mail is checked first; 「送信の確認」 opens only for a mail that
    /// can be sent, and the send checks it once more (the customer may have changed meanwhile).</summary>
    private async Task SendNowAsync()
    {
        if (!await CanSendAsync())
        {
            return;
        }

        var parameters = new DialogParameters<ConfirmSendDialog> { { d => d.Input, _input }, { d => d.Subject, _preview?.Subject.Text ?? _input.Subject } };
        var confirm = await Dialogs.ShowAsync<ConfirmSendDialog>(T["Compose_ConfirmTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await confirm.Result is not { Canceled: false })
        {
            return;
        }

        _sending = true;
        try
        {
            var user = await CurrentUser.GetAsync();
            var outcome = await Send.SendNowAsync(user, _input, CancellationToken.None);
            if (outcome.Succeeded)
            {
                await DiscardDraftAsync(user);
            }

            if (outcome.Succeeded && await OfferUndoAsync(user, outcome.Value))
            {
                Navigation.NavigateTo("/mail/individual");
                return;
            }

            Finish(outcome, T["Compose_Queued"]);
        }
        finally
        {
            _sending = false;
        }
    }

    /// <summary>「予約送信」 (R11): the mail is checked first, then the time is asked in the rep's
    /// zone; the dialog stores the mail and keeps itself open while the time is refused.</summary>
    private async Task ScheduleAsync()
    {
        if (!await CanSendAsync())
        {
            return;
        }

        var user = await CurrentUser.GetAsync();
        var parameters = new DialogParameters<ScheduleSendDialog>
        {
            { d => d.ZoneId, user.TimeZoneId },
            { d => d.Schedule, at => Schedule.ScheduleAsync(user, _input, at, user.TimeZoneId, CancellationToken.None) },
        };
        var dialog = await Dialogs.ShowAsync<ScheduleSendDialog>(T["Compose_Schedule"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Outcome<long> outcome })
        {
            if (outcome.Succeeded)
            {
                await DiscardDraftAsync(user);
            }

            Finish(outcome, T["Compose_Scheduled"], "?filter=scheduled");
        }
    }

    private async Task<bool> CanSendAsync()
    {
        _errors = [];
        _generalErrors = [];
        _sending = true;
        try
        {
            await RefreshPreviewAsync();
            var check = await Check.CheckAsync(await CurrentUser.GetAsync(), _input, CancellationToken.None);
            ShowErrors(check.Errors);
            return check.Succeeded;
        }
        finally
        {
            _sending = false;
        }
    }

    private void Finish(Outcome<long> outcome, string done, string listQuery = "")
    {
        if (outcome.Succeeded)
        {
            Snackbar.Add(done, Severity.Success);
            Navigation.NavigateTo("/mail/individual" + listQuery);
            return;
        }

        ShowErrors(outcome.Errors);
    }

    private void ShowErrors(IReadOnlyList<ValidationFailure> errors)
    {
        _errors = errors.Where(e => e.PropertyName is nameof(ComposeInput.Subject) or nameof(ComposeInput.Body))
            .GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        _generalErrors = errors.Where(e => !_errors.ContainsKey(e.PropertyName))
            .Select(e => new SendError(e.ErrorMessage, e.CustomState as long?, e.PropertyName == SendMailCommand.MailboxProblem))
            .ToList();
    }

    private sealed record SendError(string Message, long? CustomerId, bool IsMailbox);
}
