using Digima.Blazor.Auth;
using Digima.Blazor.Resources;
using Digima.Core.Mailboxes;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Mailboxes;

/// <summary>「メールボックス連携」 (R1): the signed-in user's own SMTP/IMAP settings, a connection
/// test on the values as typed, and saving. Passwords are never loaded into the page.</summary>
public partial class MailboxSettings
{
    private MailboxSyncCard? _syncCard;

    [Inject] private GetMailboxSettingsQuery GetSettings { get; set; } = default!;
    [Inject] private SaveMailboxSettingsCommand SaveSettings { get; set; } = default!;
    [Inject] private TestMailboxConnectionCommand TestConnection { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<MailboxText> M { get; set; } = default!;

    private MailboxSettingsView? _view;
    private MailboxInput? _input;
    private MailServerKey? _savedSmtp;
    private MailServerKey? _savedImap;
    private MailboxTestReport? _report;
    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _testing;
    private bool _saving;
    private OAuthConnectStatus? _oauthOutcome;

    /// <summary>How connecting with OAuth 2.0 ended (the callback endpoint redirects here with it),
    /// and the statuses of the connection test it ran.</summary>
    [SupplyParameterFromQuery(Name = "oauth")] private string? OAuthOutcome { get; set; }
    [SupplyParameterFromQuery(Name = "smtp")] private string? SmtpStatus { get; set; }
    [SupplyParameterFromQuery(Name = "imap")] private string? ImapStatus { get; set; }

    // A folder found by a test of the IMAP login now in the form wins over the saved one.
    private string? SentFolderShown => (_input is null ? null : _report?.SentFolderFor(_input)) ?? _view?.SentFolderName;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _oauthOutcome = Enum.TryParse<OAuthConnectStatus>(OAuthOutcome, out var outcome) ? outcome : null;
        if (_savedSmtp is { } smtp && _savedImap is { } imap
            && Enum.TryParse<ProbeStatus>(SmtpStatus, out var smtpStatus) && Enum.TryParse<ProbeStatus>(ImapStatus, out var imapStatus))
        {
            _report = new MailboxTestReport(new ProbeResult(smtpStatus), new ProbeResult(imapStatus), smtp, imap);
        }
    }

    private async Task ReloadAsync()
    {
        _report = null;
        _oauthOutcome = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _view = await GetSettings.GetAsync(await CurrentUser.GetAsync(), CancellationToken.None);
        _input = _view.Input;
        // Snapshots: the form objects change as the rep types.
        _savedSmtp = _view.IsConnected ? _input.Smtp.Key : null;
        _savedImap = _view.IsConnected ? _input.Imap.Key : null;
    }

    private async Task TestAsync()
    {
        _testing = true;
        _report = null;
        try
        {
            var outcome = await TestConnection.TestAsync(await CurrentUser.GetAsync(), _input!, CancellationToken.None);
            ShowErrors(outcome.Errors);
            _report = outcome.Value;
        }
        finally
        {
            _testing = false;
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _input!.SentFolderName = _report?.SentFolderFor(_input);
            var outcome = await SaveSettings.SaveAsync(await CurrentUser.GetAsync(), _input, CancellationToken.None);
            ShowErrors(outcome.Errors);
            if (outcome.Succeeded)
            {
                Snackbar.Add(M["Saved"], Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private void ShowErrors(IReadOnlyList<ValidationFailure> errors)
    {
        _errors = errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        // An error of no field (too many connection tests) is said as it is.
        _generalError = errors.FirstOrDefault(e => e.PropertyName.Length == 0)?.ErrorMessage
            ?? (errors.Count > 0 ? T["Form_HasErrors"].Value : null);
    }
}
