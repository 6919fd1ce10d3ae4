using Digima.Core;
using Digima.Infrastructure;
using Digima.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digima.Tests.Infrastructure.Configuration;

/// <summary>A bad setting stops the start with the key that holds it, for every validated section
/// of Core and Infrastructure; the defaults start.</summary>
public sealed class ValidatedOptionsTests
{
    [Fact]
    public void Start_Defaults_Pass() => Assert.Null(StartupSettings.Check(Register));

    [Theory]
    [InlineData("Digima:Scheduling:RateLimitPerMinute", "6001")]
    [InlineData("Digima:Scheduling:RetryBackoff:0", "00:00:00", "Digima:Scheduling:RetryBackoff")]
    [InlineData("Digima:Quartz:SendLanes", "0")]
    [InlineData("Digima:Quartz:MaxConcurrency", "201")]
    [InlineData("Digima:Quartz:SchedulerName", " ")]
    [InlineData("Digima:Quartz:CheckinInterval", "00:00:00.500")]
    [InlineData("Digima:MailImport:BatchSize", "0")]
    [InlineData("Digima:MailImport:SessionIdleTimeout", "00:29:00")]
    [InlineData("Digima:MailImport:ReconnectMaxDelay", "00:00:01")]
    [InlineData("Digima:MailConnections:MaxPerMailbox", "21")]
    [InlineData("Digima:MailConnections:ReuseWithoutCheckWithin", "00:02:00")]
    [InlineData("Digima:LiveUpdates:ReconnectMinDelay", "00:00:00")]
    [InlineData("Digima:LiveUpdates:ReconnectMaxDelay", "00:00:00.500")]
    [InlineData("Digima:Tracking:PublicBaseUrl", "https://mail.example.co.jp/?a=1")]
    [InlineData("Digima:Tracking:BurstSize", "1")]
    [InlineData("Digima:Tracking:ClientWindow", "00:00:00")]
    [InlineData("Digima:Mailboxes:ProbeTimeout", "00:02:01")]
    [InlineData("Digima:Mailboxes:ConnectionTestLimit:PermitLimit", "0")]
    [InlineData("Digima:DemoMail:Host", "mail.example.co.jp")]
    [InlineData("Digima:OAuth:RefreshBefore", "-00:00:01")]
    [InlineData("Digima:OAuth:Providers:google:Kind", "Google", "Digima:OAuth:Providers:google:ClientId")]
    [InlineData("Digima:OAuth:Providers:corp:ClientId", "digima", "Digima:OAuth:Providers:corp:Issuer")]
    public void Start_BadSetting_FailsNamingItsKey(string key, string value, string? named = null)
    {
        var failure = StartupSettings.Check(Register, key, value);

        Assert.NotNull(failure);
        Assert.Contains((named ?? key) + " must", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Digima:Scheduling:RateLimitPerMinute", "0")]
    [InlineData("Digima:Scheduling:RateLimitPerMinute", "6000")]
    [InlineData("Digima:Quartz:SendLanes", "500")]
    [InlineData("Digima:MailImport:SessionIdleTimeout", "00:00:00")]
    [InlineData("Digima:Mailboxes:ProbeTimeout", "00:02:00")]
    [InlineData("Digima:Tracking:PublicBaseUrl", "")]
    public void Start_SettingOnTheBound_Passes(string key, string value) =>
        Assert.Null(StartupSettings.Check(Register, key, value));

    private static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddCore().AddInfrastructure(configuration);
}
