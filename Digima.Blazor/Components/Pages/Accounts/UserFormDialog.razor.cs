using Digima.Blazor.Auth;
using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Accounts;

/// <summary>Adds (UserId 0) or edits a user; the use cases refuse non-managers.</summary>
public partial class UserFormDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private CreateUserCommand Create { get; set; } = default!;
    [Inject] private UpdateUserCommand Update { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;

    [Parameter] public long UserId { get; set; }
    [Parameter] public UserInput Input { get; set; } = new();

    private Dictionary<string, string> _errors = [];

    private async Task SaveAsync()
    {
        var actor = await CurrentUser.GetAsync();
        var outcome = UserId == 0
            ? await Create.CreateAsync(actor, Input, CancellationToken.None)
            : await Update.UpdateAsync(actor, UserId, Input, CancellationToken.None);
        if (outcome.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(outcome.Value));
            return;
        }

        _errors = outcome.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
    }
}
