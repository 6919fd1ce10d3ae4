using Digima.Core.Common;
using Digima.Core.Compose.Drafts;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>How a draft's page ends: the mail went out (the draft is deleted), or the rep left
/// (what was typed since the last save is saved).</summary>
public partial class ComposePage
{
    /// <summary>The mail was sent or scheduled: its draft goes. The outbox insert stays the one
    /// insert of outgoing mail (send now, schedule, undo build on it), so the draft is deleted
    /// right after it succeeds rather than inside it: a circuit lost between the two leaves a
    /// draft of a mail already on its way, seen and deletable in 「下書き」; the other order could
    /// lose the mail.</summary>
    private async Task DiscardDraftAsync(CurrentUser user)
    {
        _draftOpen = false;
        _autosaveDelay?.Cancel();
        await _saveLock.WaitAsync();
        try
        {
            if (_draftId is { } id)
            {
                await DeleteDraft.DeleteAsync(user, id, CancellationToken.None);
            }
        }
        catch (NotFoundException)
        {
            // Deleted from another tab meanwhile: nothing left to do.
        }
        finally
        {
            _saveLock.Release();
        }
    }

    /// <summary>Leaving the page (another page, the tab closed, the circuit ended): what was
    /// typed since the last save is saved, off the circuit, which is going away.</summary>
    private void SaveDraftOnLeave()
    {
        _disposed = true;
        _autosaveDelay?.Cancel();
        _autosaveDelay?.Dispose();
        if (!Autosaves)
        {
            return;
        }

        var content = CurrentDraft();
        var fingerprint = DraftFingerprint.Of(DraftJson.Serialize(content));
        var user = _user!;
        _ = Task.Run(async () =>
        {
            await _saveLock.WaitAsync();
            try
            {
                if (fingerprint != _savedFingerprint || _saveAtOnce)
                {
                    await SaveDraft.SaveAsync(user, _draftId, _draftVersion, content, CancellationToken.None);
                }
            }
            catch (Exception e)
            {
                Log.LogError(e, "Saving draft {DraftId} on leaving compose failed", _draftId);
            }
            finally
            {
                _saveLock.Release();
            }
        });
    }
}
