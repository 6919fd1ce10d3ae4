using System.Globalization;
using Digima.Blazor.Auth;
using Digima.Core.Scheduling.Calendar;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Scheduling;

/// <summary>Shows the calendar to everyone; the commands refuse a rep, so the page only hides what
/// a rep cannot use.</summary>
public partial class BusinessCalendarSettings
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ja-JP");

    [Inject] private GetBusinessCalendarQuery GetCalendar { get; set; } = default!;
    [Inject] private SaveBusinessHoursCommand SaveHours { get; set; } = default!;
    [Inject] private AddCompanyHolidayCommand AddHoliday { get; set; } = default!;
    [Inject] private RemoveCompanyHolidayCommand RemoveHoliday { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private BusinessCalendar _calendar = BusinessCalendar.Default;
    private BusinessHoursInput _hours = new();
    private CompanyHolidayInput _newHoliday = new();
    private List<string> _hoursErrors = [];
    private List<string> _holidayErrors = [];
    private bool _isManager;

    protected override async Task OnInitializedAsync()
    {
        _isManager = (await CurrentUser.GetAsync()).IsManager;
        await LoadAsync();
        _hours = BusinessHoursInput.From(_calendar);
    }

    private async Task LoadAsync() => _calendar = await GetCalendar.GetAsync(CancellationToken.None);

    private static TimeOnly ParseTime(ChangeEventArgs e, TimeOnly previous) =>
        TimeOnly.TryParse(e.Value?.ToString(), CultureInfo.InvariantCulture, out var time) ? time : previous;

    private async Task SaveHoursAsync()
    {
        var outcome = await SaveHours.SaveAsync(await CurrentUser.GetAsync(), _hours, CancellationToken.None);
        _hoursErrors = outcome.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
        if (outcome.Succeeded)
        {
            await LoadAsync();
            Snackbar.Add(T["Calendar_HoursSaved"], Severity.Success);
        }
    }

    private async Task AddHolidayAsync()
    {
        var outcome = await AddHoliday.AddAsync(await CurrentUser.GetAsync(), _newHoliday, CancellationToken.None);
        _holidayErrors = outcome.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
        if (outcome.Succeeded)
        {
            _newHoliday = new CompanyHolidayInput();
            await LoadAsync();
            Snackbar.Add(T["Calendar_HolidayAdded"], Severity.Success);
        }
    }

    private async Task RemoveHolidayAsync(DateOnly day)
    {
        await RemoveHoliday.RemoveAsync(await CurrentUser.GetAsync(), day, CancellationToken.None);
        await LoadAsync();
        Snackbar.Add(T["Calendar_HolidayRemoved"], Severity.Success);
    }
}
