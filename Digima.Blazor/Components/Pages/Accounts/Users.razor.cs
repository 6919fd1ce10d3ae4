using Digima.Blazor.Auth;
using Digima.Core.Accounts;
using Digima.Core.Accounts.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Accounts;

/// <summary>「設定」→「ユーザー」: managers add, edit and deactivate users.</summary>
public partial class Users
{
    [Inject] private ListUsersQuery ListUsers { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<User>? _users;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => _users = await ListUsers.ListAsync(await CurrentUser.GetAsync(), CancellationToken.None);

    private Task CreateAsync() => OpenAsync(T["Users_Add"], 0, new UserInput { IsNew = true });

    private Task EditAsync(User user) => OpenAsync(T["Users_Edit"], user.Id, new UserInput
    {
        Email = user.Email,
        DisplayName = user.DisplayName,
        Role = user.Role,
        TimeZoneId = user.TimeZoneId,
        Language = user.Language,
        IsActive = user.IsActive,
        IsNew = false,
    });

    private async Task OpenAsync(string title, long userId, UserInput input)
    {
        var parameters = new DialogParameters<UserFormDialog> { { d => d.UserId, userId }, { d => d.Input, input } };
        var dialog = await Dialogs.ShowAsync<UserFormDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(T["Users_Saved"], Severity.Success);
            await LoadAsync();
        }
    }
}
