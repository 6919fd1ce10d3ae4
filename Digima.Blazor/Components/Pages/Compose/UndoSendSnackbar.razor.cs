using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Sending.UndoSend;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>Counts down to the mail's send_after as the server sees it. The timer only redraws the
/// seconds: whether the undo still wins is decided by <see cref="UndoSendCommand"/> in the
/// database, so a slow browser or a late click can never take back a mail already being sent.</summary>
public partial class UndoSendSnackbar : IDisposable
{
    [Inject] private UndoSendCommand Undo { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter, EditorRequired] public long MailId { get; set; }

    /// <summary>The outbox row's send_after (UTC).</summary>
    [Parameter, EditorRequired] public DateTimeOffset SendAfter { get; set; }

    private readonly CancellationTokenSource _stop = new();
    private bool _undoing;

    public static string Key(long mailId) => $"undo-send-{mailId}";

    /// <summary>Offers the undo until <paramref name="sendAfter"/>. One per mail: the key makes a
    /// second offer of the same mail (compose's, then the layout's after a reload) a no-op.</summary>
    public static void Show(ISnackbar snackbar, TimeProvider time, long mailId, DateTimeOffset sendAfter)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(time);
        var parameters = new Dictionary<string, object>
        {
            [nameof(MailId)] = mailId,
            [nameof(SendAfter)] = sendAfter,
        };
        snackbar.Add<UndoSendSnackbar>(parameters, Severity.Normal, o =>
        {
            // The component itself closes at send_after; this duration is only a backstop.
            o.RequireInteraction = false;
            o.VisibleStateDuration = (int)Math.Clamp((sendAfter - time.GetUtcNow()).TotalMilliseconds + 1_000, 1_000, 60_000);
            o.ShowCloseIcon = true;
        }, Key(mailId));
    }

    private int SecondsLeft => (int)Math.Max(0, Math.Ceiling((SendAfter - Time.GetUtcNow()).TotalSeconds));

    protected override void OnInitialized() => _ = TickAsync();

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (SecondsLeft == 0 && !_undoing)
                {
                    Snackbar.RemoveByKey(Key(MailId));
                    return;
                }

                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The snackbar closed.
        }
    }

    private async Task UndoAsync()
    {
        _undoing = true;
        Outcome<long> outcome;
        try
        {
            outcome = await Undo.UndoAsync(await CurrentUser.GetAsync(), MailId, CancellationToken.None);
        }
        catch (NotFoundException)
        {
            outcome = Outcome<long>.Failure("Mail", T["Compose_MailNotFound"]);
        }

        Snackbar.RemoveByKey(Key(MailId));
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"/mail/compose?undone={MailId}");
            return;
        }

        Snackbar.Add(outcome.Errors[0].ErrorMessage, Severity.Warning);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
