using Digima.Tests.Support;

namespace Digima.Tests.Blazor.Hosting;

/// <summary>The nginx configuration the guide gives for production is the one the cluster and its
/// failover test run.</summary>
public sealed class NginxExampleTests
{
    [Fact]
    public void ScaleOutGuide_QuotesTheSiteFileVerbatim()
    {
        var site = File.ReadAllText(RepositoryPaths.Of("ops", "nginx", "digima.conf")).TrimEnd();
        var guide = File.ReadAllText(RepositoryPaths.Of("docs", "scale-out.md"));

        Assert.Contains("```nginx\n" + site + "\n```", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void SiteFile_Rendered_HasNoPlaceholderLeft()
    {
        var rendered = NginxProcess.Render("digima.conf", new Dictionary<string, string>
        {
            ["LISTEN"] = "127.0.0.1:8080",
            ["NODE_A"] = "127.0.0.1:5081",
            ["NODE_B"] = "127.0.0.1:5082",
        });

        Assert.Contains("server 127.0.0.1:5081 max_fails=1", rendered, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", rendered, StringComparison.Ordinal);
    }
}
