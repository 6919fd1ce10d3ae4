using System.Globalization;
using Digima.Core.LiveUpdates;
using Digima.Infrastructure.LiveUpdates;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digima.Tests.Infrastructure.LiveUpdates;

public sealed class LocalLiveEventHubTests
{
    [Fact]
    public async Task Deliver_FromAThreadInAnotherLanguage_HandlerRunsInTheSubscribersLanguage()
    {
        var hub = new LocalLiveEventHub(NullLogger<LocalLiveEventHub>.Instance);
        var seen = new TaskCompletionSource<(string Culture, string UICulture)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (InCulture("en-US", "en"))
        {
            hub.Subscribe<MailImported>(_ =>
            {
                seen.TrySetResult((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
                return Task.CompletedTask;
            });
        }

        await Task.Run(() =>
        {
            using (InCulture("ja-JP", "ja"))
            {
                hub.Deliver(new MailImported(1, [2]));
            }
        });

        Assert.Equal(("en-US", "en"), await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static Restore InCulture(string culture, string uiCulture)
    {
        var restore = new Restore(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(uiCulture);
        return restore;
    }

    private sealed record Restore(CultureInfo Culture, CultureInfo UICulture) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = Culture;
            CultureInfo.CurrentUICulture = UICulture;
        }
    }
}
