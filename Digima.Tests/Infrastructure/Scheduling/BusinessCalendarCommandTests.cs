using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Scheduling.Calendar;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.Scheduling;

public sealed class BusinessCalendarCommandTests : IAsyncLifetime
{
    private ServiceHarness _services = default!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync("calendar");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Manager_SavesHoursAndHolidays_EveryoneReadsThem()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var day = DateOnly.FromDateTime(_services.Clock.GetUtcNow().UtcDateTime).AddDays(40);

        var hours = await _services.Get<SaveBusinessHoursCommand>().SaveAsync(manager, new BusinessHoursInput
        {
            WorkStart = new TimeOnly(8, 30), WorkEnd = new TimeOnly(17, 30), YearEndFrom = "12/28", YearEndTo = "1/4",
        }, CancellationToken.None);
        var added = await _services.Get<AddCompanyHolidayCommand>().AddAsync(manager, new CompanyHolidayInput { Day = day, Name = " 創立記念日 " }, CancellationToken.None);

        Assert.True(hours.Succeeded);
        Assert.True(added.Succeeded);
        var calendar = await _services.Get<GetBusinessCalendarQuery>().GetAsync(CancellationToken.None);
        Assert.Equal(new TimeOnly(8, 30), calendar.WorkStart);
        Assert.Equal(new TimeOnly(17, 30), calendar.WorkEnd);
        Assert.Equal(new MonthDay(12, 28), calendar.YearEndFrom);
        Assert.Equal(new MonthDay(1, 4), calendar.YearEndTo);
        Assert.Equal("創立記念日", calendar.CompanyHolidays[day]);

        await _services.Get<RemoveCompanyHolidayCommand>().RemoveAsync(manager, day, CancellationToken.None);
        Assert.Empty((await _services.Get<GetBusinessCalendarQuery>().GetAsync(CancellationToken.None)).CompanyHolidays);
    }

    [Fact]
    public async Task Rep_CannotChangeTheCalendar()
    {
        var rep = await _services.AddUserAsync(UserRole.Rep);
        var day = DateOnly.FromDateTime(_services.Clock.GetUtcNow().UtcDateTime).AddDays(3);

        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<SaveBusinessHoursCommand>().SaveAsync(rep, new BusinessHoursInput(), CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<AddCompanyHolidayCommand>().AddAsync(rep, new CompanyHolidayInput { Day = day, Name = "休み" }, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => _services.Get<RemoveCompanyHolidayCommand>().RemoveAsync(rep, day, CancellationToken.None));
        Assert.Empty((await _services.Get<GetBusinessCalendarQuery>().GetAsync(CancellationToken.None)).CompanyHolidays);
    }

    [Fact]
    public async Task BadInput_ClearErrorsAndNothingSaved()
    {
        var manager = await _services.AddUserAsync(UserRole.Manager);
        var add = _services.Get<AddCompanyHolidayCommand>();
        var day = DateOnly.FromDateTime(_services.Clock.GetUtcNow().UtcDateTime).AddDays(5);

        var reversed = await _services.Get<SaveBusinessHoursCommand>().SaveAsync(manager, new BusinessHoursInput
        {
            WorkStart = new TimeOnly(18, 0), WorkEnd = new TimeOnly(9, 0), YearEndFrom = "12/32",
        }, CancellationToken.None);
        var noDay = await add.AddAsync(manager, new CompanyHolidayInput { Name = "休み" }, CancellationToken.None);
        var crlf = await add.AddAsync(manager, new CompanyHolidayInput { Day = day, Name = "休み\r\nBcc: x@example.com" }, CancellationToken.None);
        await add.AddAsync(manager, new CompanyHolidayInput { Day = day, Name = "休み" }, CancellationToken.None);
        var twice = await add.AddAsync(manager, new CompanyHolidayInput { Day = day, Name = "もう一度" }, CancellationToken.None);

        Assert.Equal(["終了時刻は開始時刻より後にしてください。", "月/日の形（例: 12/29）で入力してください。"], reversed.Errors.Select(e => e.ErrorMessage));
        Assert.Equal("日付を選んでください。", Assert.Single(noDay.Errors).ErrorMessage);
        Assert.Equal("休日の名前に改行や制御文字は使えません。", Assert.Single(crlf.Errors).ErrorMessage);
        Assert.Equal("この日はすでに会社の休日です。", Assert.Single(twice.Errors).ErrorMessage);
        var calendar = await _services.Get<GetBusinessCalendarQuery>().GetAsync(CancellationToken.None);
        Assert.Equal(BusinessCalendar.Default.WorkStart, calendar.WorkStart);
        Assert.Equal("休み", Assert.Single(calendar.CompanyHolidays).Value);
    }
}
