using Digima.Blazor.Auth;
using Digima.Core.Attachments;
using Digima.Core.Compose;
using Digima.Core.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>添付ファイル in compose. The browser uploads (attachments.js, POST /attachments); this
/// component only decides what may start, within the mail's total, and keeps the list.</summary>
public sealed partial class AttachmentField : IAsyncDisposable
{
    private const string InputId = "attachment-input";

    [Inject] private AttachmentOptions Options { get; set; } = default!;
    [Inject] private RemoveAttachmentCommand Remove { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<CoreMessages> Messages { get; set; } = default!;

    /// <summary>The mail's list (ComposeInput.Attachments), changed in place as RecipientField does.</summary>
    [Parameter, EditorRequired] public List<ComposeAttachment> Attachments { get; set; } = [];

    /// <summary>The element files may be dropped on: the compose card.</summary>
    [Parameter, EditorRequired] public string DropZoneId { get; set; } = "";

    [Parameter] public EventCallback AttachmentsChanged { get; set; }

    private readonly Dictionary<string, PendingUpload> _pending = [];
    private DotNetObjectReference<AttachmentField>? _self;
    private string? _error;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("digimaAttachments.init", _self, DropZoneId, InputId);
        }
    }

    /// <summary>A file is about to upload: refused with the reason when the mail would exceed its
    /// total (what was attached stays), else told what the mail carries for the endpoint's limit.</summary>
    [JSInvokable]
    public async Task<UploadStart> Begin(string name, long size)
    {
        var attached = Attachments.Sum(a => a.Size) + _pending.Values.Sum(p => p.Size);
        if (attached + size > Options.MaxTotalBytes)
        {
            _error = ComposeInputValidator.TotalTooLarge(Messages, Options.MaxTotalBytes, attached + size);
            await InvokeAsync(StateHasChanged);
            return new UploadStart(null, attached, _error);
        }

        _error = null;
        var key = Guid.NewGuid().ToString("N");
        _pending[key] = new PendingUpload(name, size);
        await InvokeAsync(StateHasChanged);
        return new UploadStart(key, attached, null);
    }

    [JSInvokable]
    public Task Progress(string key, int percent)
    {
        if (_pending.TryGetValue(key, out var upload))
        {
            upload.Percent = Math.Clamp(percent, 0, 100);
        }

        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public async Task Uploaded(string key, UploadedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _pending.Remove(key);
        Attachments.Add(new ComposeAttachment(file.Id, file.Name, file.Size, file.ContentType));
        await AttachmentsChanged.InvokeAsync();
        await InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task Failed(string key, string? reason)
    {
        var name = _pending.Remove(key, out var upload) ? upload.Name : "";
        _error = reason ?? T["Attach_Failed", name];
        return InvokeAsync(StateHasChanged);
    }

    private async Task RemoveAsync(ComposeAttachment file)
    {
        // The file goes from the list once it is gone from the store: what the rep sees is done.
        await Remove.RemoveAsync(await CurrentUser.GetAsync(), file.FileId, CancellationToken.None);
        Attachments.Remove(file);
        _error = null;
        await AttachmentsChanged.InvokeAsync();
    }

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }

    public sealed record UploadStart(string? Key, long Attached, string? Error);

    public sealed record UploadedFile(long Id, string Name, long Size, string ContentType);

    private sealed class PendingUpload(string name, long size)
    {
        public string Name { get; } = name;
        public long Size { get; } = size;
        public int Percent { get; set; }
    }
}
