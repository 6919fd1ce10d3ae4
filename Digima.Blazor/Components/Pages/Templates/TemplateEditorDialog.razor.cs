using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Templates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Templates;

/// <summary>The template editor. Closes with the saved template's id.</summary>
public partial class TemplateEditorDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private SaveTemplateCommand Save { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ListTemplateAttachmentsQuery TemplateFiles { get; set; } = default!;

    [Parameter] public long TemplateId { get; set; }
    [Parameter] public TemplateInput Input { get; set; } = new();

    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _saving;

    /// <summary>Opens the editor; the saved template's id, or null when cancelled.</summary>
    public static async Task<long?> ShowAsync(IDialogService dialogs, string title, long templateId, TemplateInput input)
    {
        var parameters = new DialogParameters<TemplateEditorDialog> { { d => d.TemplateId, templateId }, { d => d.Input, input } };
        var dialog = await dialogs.ShowAsync<TemplateEditorDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: long id } ? id : null;
    }

    /// <summary>An existing template's files, listed to keep or remove.</summary>
    protected override async Task OnInitializedAsync()
    {
        if (TemplateId == 0 || Input.Attachments.Count > 0)
        {
            return;
        }

        try
        {
            var files = await TemplateFiles.ListAsync(await CurrentUser.GetAsync(), TemplateId, CancellationToken.None);
            Input.Attachments.AddRange(files.Select(Digima.Core.Compose.ComposeAttachment.From));
        }
        catch (NotFoundException)
        {
            _generalError = TT["Gone"];
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var outcome = await Save.SaveAsync(await CurrentUser.GetAsync(), TemplateId, Input, CancellationToken.None);
            if (outcome.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(outcome.Value));
                return;
            }

            _errors = outcome.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
            _generalError = T["Form_HasErrors"];
        }
        catch (ForbiddenException)
        {
            _generalError = TT["Forbidden"];
        }
        catch (NotFoundException)
        {
            // Deleted by someone else meanwhile, or no longer shared with this user.
            _generalError = TT["Gone"];
        }
        finally
        {
            _saving = false;
        }
    }
}
