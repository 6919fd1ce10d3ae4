using Digima.Blazor.Auth;
using Digima.Core.Common;
using Digima.Core.Templates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Templates;

/// <summary>「テンプレート」: the user's own and the team's shared templates (R22).</summary>
public partial class Templates
{
    [Inject] private ListTemplatesQuery List { get; set; } = default!;
    [Inject] private DeleteTemplateCommand Delete { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<MailTemplate>? _templates;
    private CurrentUser? _user;
    private string? _search;

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _templates = await List.ListAsync(_user!, _search, CancellationToken.None);

    private async Task SearchChangedAsync(string? value)
    {
        _search = value;
        await LoadAsync();
    }

    private async Task CreateAsync()
    {
        if (await TemplateEditorDialog.ShowAsync(Dialogs, TT["CreateTitle"], 0, new TemplateInput()) is not null)
        {
            Snackbar.Add(TT["Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditAsync(MailTemplate template)
    {
        if (await TemplateEditorDialog.ShowAsync(Dialogs, TT["EditTitle"], template.Id, TemplateInput.From(template)) is not null)
        {
            Snackbar.Add(TT["Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(MailTemplate template)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            TT["DeleteTitle"], TT["DeleteText", template.Name], yesText: TT["DeleteYes"], cancelText: T["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await Delete.DeleteAsync(_user!, template.Id, CancellationToken.None);
            Snackbar.Add(TT["Deleted"], Severity.Success);
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            Snackbar.Add(e is ForbiddenException ? TT["Forbidden"] : TT["Gone"], Severity.Warning);
        }

        await LoadAsync();
    }
}
