using Digima.Core.Compose;
using Digima.Core.Scheduling;

namespace Digima.Tests.Infrastructure.Scheduling;

/// <summary>An edit is another way mail content enters: it is refused for exactly what compose
/// refuses, and the stored mail stays as it was.</summary>
public sealed class EditScheduledMailValidationTests : IAsyncLifetime
{
    private ScheduledScenario _s = default!;

    public async Task InitializeAsync() => _s = await ScheduledScenario.CreateAsync("schedule-edit-checks");

    public async Task DisposeAsync() => await _s.DisposeAsync();

    public static TheoryData<string, string> Refused => new()
    {
        { "件名\r\nBcc: victim@example.test", "本文" },
        { new string('長', 5_000), "本文" },
        { "件名", "" },
        { "件名", "   \n " },
        { "", "本文" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Edit_ContentComposeRefuses_RefusedWithComposesMessageAndMailUnchanged(string subject, string body)
    {
        var customer = await _s.AddCustomerAsync("検証");
        // The test clock starts at 2026-11-27 00:00 UTC (09:00 in Tokyo).
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("元の件名", "元の本文", customer), new DateTime(2026, 11, 28, 9, 0, 0));
        var composed = ScheduledScenario.Input(subject, body, customer);
        var expected = (await _s.Services.Get<FluentValidation.IValidator<ComposeInput>>().ValidateAsync(composed)).Errors.Select(e => e.ErrorMessage).ToList();

        var edit = await _s.Services.Get<EditScheduledMailCommand>().EditAsync(
            _s.Rep, new ScheduledMailEdit(id, subject, body, new DateTime(2026, 11, 28, 10, 0, 0)), CancellationToken.None);

        Assert.NotEmpty(expected);
        Assert.False(edit.Succeeded);
        Assert.Equal(expected, edit.Errors.Select(e => e.ErrorMessage));
        var stored = await _s.MailAsync(id);
        Assert.Equal(("元の件名", "元の本文", new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)), (stored.Subject, stored.BodyText, stored.ScheduledAt!.Value));
    }

    [Fact]
    public async Task Edit_ValidContent_Saved()
    {
        var customer = await _s.AddCustomerAsync("正常");
        var id = await _s.ScheduleAsync(ScheduledScenario.Input("元の件名", "元の本文", customer), new DateTime(2026, 11, 28, 9, 0, 0));

        var edit = await _s.Services.Get<EditScheduledMailCommand>().EditAsync(
            _s.Rep, new ScheduledMailEdit(id, "新しい件名", "新しい本文", new DateTime(2026, 11, 28, 10, 0, 0)), CancellationToken.None);

        Assert.True(edit.Succeeded);
        Assert.Equal(("新しい件名", "新しい本文"), ((await _s.MailAsync(id)).Subject, (await _s.MailAsync(id)).BodyText));
    }
}
