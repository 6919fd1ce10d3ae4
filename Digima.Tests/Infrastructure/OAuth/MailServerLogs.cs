using System.Text;
using Digima.Tests.Support;

namespace Digima.Tests.Infrastructure.OAuth;

/// <summary>The logs of the servers `./digima test` runs (ops/lib/datadir.sh: services/log under the
/// data folder, whose artifacts folder the tests are given): what Dovecot, Postfix and the OAuth
/// server wrote while the servers checked the app's tokens.</summary>
internal static class MailServerLogs
{
    public static string Dovecot => Read("dovecot.log");

    public static string Postfix => Read("postfix.log");

    public static string OAuth => Read("oauth.log");

    /// <summary>The lines naming <paramref name="login"/> (any case) that hold every one of <paramref name="words"/>.</summary>
    public static IReadOnlyList<string> Lines(string log, string login, params string[] words) =>
        log.Split('\n')
            .Where(l => l.Contains(login, StringComparison.OrdinalIgnoreCase) && words.All(w => l.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    private static string Read(string name)
    {
        var dataDir = Directory.GetParent(Path.TrimEndingDirectorySeparator(TestEnvironment.ArtifactsDir))!.FullName;
        var path = Path.Combine(dataDir, "services", "log", name);
        // The server keeps writing it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
