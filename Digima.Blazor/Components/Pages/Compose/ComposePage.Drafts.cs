using Digima.Core.Common;
using Digima.Core.Compose.Drafts;
using Digima.Core.Compose.Signatures;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>「下書き」: compose saves itself ~1.5 s after the rep stops changing anything and when
/// the page is left, and the address becomes ?draft=id after the first save, so a reload, the
/// reconnect after a dropped circuit, or another node opens the same draft. Every save names the
/// version it started from; a draft changed in another tab is never overwritten silently.</summary>
public partial class ComposePage
{
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromMilliseconds(1500);

    [Inject] private SaveDraftCommand SaveDraft { get; set; } = default!;
    [Inject] private GetDraftQuery GetDraft { get; set; } = default!;
    [Inject] private DeleteDraftCommand DeleteDraft { get; set; } = default!;
    [Inject] private ILogger<ComposePage> Log { get; set; } = default!;

    /// <summary>A saved 「下書き」 reopened (the address compose moves to after its first save).</summary>
    [SupplyParameterFromQuery(Name = "draft")]
    private long? DraftId { get; set; }

    // One save at a time: two saves from this page racing would refuse each other as conflicts.
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private CancellationTokenSource? _autosaveDelay;
    private CurrentUser? _user;
    private DraftKind _draftKind;
    private long? _draftId;
    private int _draftVersion;
    private string _savedFingerprint = "";
    private DateTimeOffset? _savedAt;
    private DraftSaveStatus? _draftProblem;

    /// <summary>False once the mail went out (its draft is deleted) or after a refused save, until the rep chooses.</summary>
    private bool _draftOpen = true;
    private bool _disposed;

    // Set once the page holds the mail it opened with: the page renders while it still loads,
    // and a save then would store an empty mail.
    private bool _draftLoaded;

    /// <summary>An undone mail is saved as soon as it is shown.</summary>
    private bool _saveAtOnce;

    private bool Autosaves => _draftLoaded && _draftOpen && _draftProblem is null && !_notFound && _user is not null;

    private DraftContent CurrentDraft() =>
        new() { Input = _input, Kind = _draftKind, SignatureOn = _signature.IsOn, ReplyQuote = _signature.Quote };

    private async Task ResumeDraftAsync(CurrentUser user, long draftId) =>
        await ApplyDraftAsync(user, await GetDraft.GetAsync(user, draftId, CancellationToken.None));

    private async Task ApplyDraftAsync(CurrentUser user, MailDraft draft)
    {
        _draftId = draft.Id;
        _draftVersion = draft.Version;
        _draftKind = draft.Content.Kind;
        _input = draft.Content.Input;
        _savedAt = draft.UpdatedAt;
        _signature = new SignatureSwitch(await GetSignature.GetAsync(user, CancellationToken.None), draft.Content.ReplyQuote);
        _signature.Resume(draft.Content.SignatureOn);
    }

    /// <summary>What is on the screen now counts as saved (a fresh mail is not saved until changed).</summary>
    private void MarkDraftBaseline() => _savedFingerprint = DraftFingerprint.Of(DraftJson.Serialize(CurrentDraft()));

    /// <summary>The page holds the mail it opened with: from here on, changes are saved.</summary>
    private void StartAutosave()
    {
        MarkDraftBaseline();
        _saveAtOnce = UndoneMailId is not null && _draftId is null;
        _draftLoaded = true;
    }

    // Every change of a field re-renders the page (the tracking switches through their Changed
    // callback), so "a render, then 1.5 s without another" is "the rep stopped changing the mail";
    // the save itself skips content that is already stored.
    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        // A mail taken back with 「送信を取り消す」 is a draft from the start: closing the tab keeps it.
        if (_saveAtOnce && Autosaves)
        {
            _saveAtOnce = false;
            return SaveDraftAsync(force: true);
        }

        if (Autosaves)
        {
            _autosaveDelay?.Cancel();
            _autosaveDelay?.Dispose();
            _autosaveDelay = new CancellationTokenSource();
            _ = AutosaveAfterPauseAsync(_autosaveDelay.Token);
        }

        return Task.CompletedTask;
    }

    private async Task AutosaveAfterPauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(AutosaveDelay, cancellationToken);
            await InvokeAsync(() => SaveDraftAsync(force: false));
        }
        catch (OperationCanceledException)
        {
            // Typing went on: the next pause saves.
        }
        catch (Exception e)
        {
            // Nothing on the screen is lost; the next change tries again.
            Log.LogError(e, "Saving draft {DraftId} failed", _draftId);
        }
    }

    private async Task SaveDraftAsync(bool force)
    {
        if (!Autosaves)
        {
            return;
        }

        var content = CurrentDraft();
        var fingerprint = DraftFingerprint.Of(DraftJson.Serialize(content));
        await _saveLock.WaitAsync();
        try
        {
            if (!Autosaves || (!force && fingerprint == _savedFingerprint))
            {
                return;
            }

            var firstSave = _draftId is null;
            var saved = await SaveDraft.SaveAsync(_user!, _draftId, _draftVersion, content, CancellationToken.None);
            if (!saved.Saved)
            {
                _draftProblem = saved.Status;
            }
            else
            {
                (_draftId, _draftVersion, _savedFingerprint, _savedAt) = (saved.Id, saved.Version, fingerprint, saved.SavedAt);
                if (firstSave && !_disposed)
                {
                    await JS.InvokeVoidAsync("digimaCompose.replaceAddress", $"/mail/compose?draft={saved.Id}");
                }
            }
        }
        finally
        {
            _saveLock.Release();
        }

        if (!_disposed)
        {
            StateHasChanged();
        }
    }

    /// <summary>「最新の下書きを読み込む」: the version saved elsewhere replaces what is on this screen.</summary>
    private async Task LoadNewerDraftAsync()
    {
        await ResumeDraftAsync(_user!, _draftId!.Value);
        MarkDraftBaseline();
        _draftProblem = null;
        _showCcBcc = _input.Cc.Count > 0 || _input.Bcc.Count > 0;
        await RefreshPreviewAsync();
    }

    /// <summary>「この画面の内容で上書き」 after a conflict, or 「新しい下書きとして保存」 for a draft deleted elsewhere.</summary>
    private async Task KeepThisDraftAsync()
    {
        if (_draftProblem == DraftSaveStatus.NotFound)
        {
            (_draftId, _draftVersion) = (null, 0);
        }
        else
        {
            _draftVersion = (await GetDraft.GetAsync(_user!, _draftId!.Value, CancellationToken.None)).Version;
        }

        _draftProblem = null;
        await SaveDraftAsync(force: true);
    }
}
