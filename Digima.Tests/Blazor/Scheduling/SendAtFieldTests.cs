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
        // The clock's today is Friday 2026-11-27; Monday the 30th is the company's holiday here.
        Calendar.Value = BusinessCalendar.Default with { CompanyHolidays = new Dictionary<DateOnly, string> { [new(2026, 11, 30)] = "創立記念日" } };
        var reported = new List<DateTime?>();

        var cut = Render<SendAtField>(p => p.Add(c => c.ZoneId, "Asia/Tokyo").Add(c => c.ValueChanged, v => reported.Add(v)));
        cut.Find("[data-testid=send-at-business-day]").Click();
        Assert.Equal([new DateTime(2026, 12, 1, 9, 0, 0)], reported);
        Assert.Empty(cut.FindAll("[data-testid=send-at-concerns]"));

        cut.Render(p => p.Add(c => c.Value, new DateTime(2026, 11, 30, 19, 0, 0)));
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

        var cut = Render<SendAtField>(p => p.Add(c => c.Value, new DateTime(2026, 11, 30, 9, 0, 0)).Add(c => c.ZoneId, "Asia/Tokyo"));

        Assert.Equal("2026-11-30T09:00", cut.Find("input").GetAttribute("value"));
        Assert.Equal("2026-11-27T09:01", cut.Find("input").GetAttribute("min"));
        Assert.Contains("Asia/Tokyo", cut.Find("[data-testid=send-at-help]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_TypedValueAndShortcut_ReportedAsWallClockTime()
    {
        SignInAs("Asia/Tokyo");
        var reported = new List<DateTime?>();

        var cut = Render<SendAtField>(p => p.Add(c => c.ZoneId, "Asia/Tokyo").Add(c => c.ValueChanged, v => reported.Add(v)));
        cut.Find("input").Change("2027-01-05T10:30");
        cut.Find("[data-testid=send-at-business-day]").Click();

        Assert.Equal([new DateTime(2027, 1, 5, 10, 30, 0), new DateTime(2026, 11, 30, 9, 0, 0)], reported);
    }
}
