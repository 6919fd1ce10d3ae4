using Bunit;
using Digima.Blazor.Components.Pages.Scheduling;
using Digima.Core.Scheduling.Calendar;
using Digima.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Blazor.Scheduling;

public sealed class SendAtFieldTests() : BlazorTestContext(services => services
    .AddSingleton<IBusinessCalendarRepository, SendAtFieldTests.FixedCalendar>()
    .AddScoped<GetBusinessCalendarQuery>())
{
    private FixedCalendar Calendar => (FixedCalendar)Services.GetRequiredService<IBusinessCalendarRepository>();

    [Fact]
    public void CompanyHoliday_ShortcutSkipsIt_AndATimeOnItIsWarnedNotRefused()
    {
        SignInAs("Asia/Tokyo");
        // The clock's today is a Friday; the coming Monday is the company's holiday here.
        var friday = TokyoToday();
        Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);
        var monday = friday.AddDays(3);
        Calendar.Value = BusinessCalendar.Default with { CompanyHolidays = new Dictionary<DateOnly, string> { [monday] = "創立記念日" } };
        var reported = new List<DateTime?>();

        var cut = Render<SendAtField>(p => p.Add(c => c.ZoneId, "Asia/Tokyo").Add(c => c.ValueChanged, v => reported.Add(v)));
        cut.Find("[data-testid=send-at-business-day]").Click();
        Assert.Equal([monday.AddDays(1).At(9)], reported);
        Assert.Empty(cut.FindAll("[data-testid=send-at-concerns]"));

        cut.Render(p => p.Add(c => c.Value, monday.At(19)));
        Assert.Equal(["会社の休日（創立記念日）", "営業時間外（9:00〜18:00）"], cut.FindAll("[data-testid=send-at-concern]").Select(c => c.TextContent.Trim()));
    }

    internal sealed class FixedCalendar : IBusinessCalendarRepository
    {
        public BusinessCalendar Value { get; set; } = BusinessCalendar.Default;

        public Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Value);

        public Task SaveHoursAsync(BusinessHoursInput hours, long userId, DateTimeOffset savedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> AddHolidayAsync(DateOnly day, string name, long userId, DateTimeOffset addedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveHolidayAsync(DateOnly day, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
    [Fact]
    public void Render_Value_ShownAsLocalInputValueWithZone()
    {
        SignInAs("Asia/Tokyo");

        var today = TokyoToday();
        var cut = Render<SendAtField>(p => p.Add(c => c.Value, today.AddDays(3).At(9)).Add(c => c.ZoneId, "Asia/Tokyo"));

        // The clock stands at 09:00 in Tokyo: the earliest time allowed is a minute later.
        Assert.Equal(InputValue(today.AddDays(3).At(9)), cut.Find("input").GetAttribute("value"));
        Assert.Equal(InputValue(today.At(9, 1)), cut.Find("input").GetAttribute("min"));
        Assert.Contains("Asia/Tokyo", cut.Find("[data-testid=send-at-help]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_TypedValueAndShortcut_ReportedAsWallClockTime()
    {
        SignInAs("Asia/Tokyo");
        var reported = new List<DateTime?>();

        var cut = Render<SendAtField>(p => p.Add(c => c.ZoneId, "Asia/Tokyo").Add(c => c.ValueChanged, v => reported.Add(v)));
        // A typed time in six weeks; then 「翌営業日 9:00」 from Friday: Monday.
        var typed = TokyoToday().AddDays(42).At(10, 30);
        cut.Find("input").Change(InputValue(typed));
        cut.Find("[data-testid=send-at-business-day]").Click();

        Assert.Equal([typed, TokyoToday().AddDays(3).At(9)], reported);
    }

    private DateOnly TokyoToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private static string InputValue(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
