using System.Diagnostics;

namespace Digima.Benchmarks.Import;

/// <summary>The reference: Debian's mbsync (isync) copying the same INBOX to a fresh local
/// Maildir, with its config in a temp dir and FSync off (the database runs without fsync too).</summary>
internal static class MbsyncReference
{
    public sealed record Result(int Messages, TimeSpan Elapsed, string Version, long Bytes)
    {
        public double Rate => Messages / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(string user, TimeSpan timeout)
    {
        var dir = Directory.CreateTempSubdirectory("digima-mbsync-");
        try
        {
            var maildir = Path.Combine(dir.FullName, "mail");
            Directory.CreateDirectory(maildir);
            var config = Path.Combine(dir.FullName, "mbsyncrc");
            await File.WriteAllTextAsync(config, $"""
                FSync no

                IMAPAccount bench
                Host {BenchEnvironment.MailHost}
                Port {BenchEnvironment.ImapPort}
                User {user}
                Pass {BenchEnvironment.Password}
                AuthMechs LOGIN
                SSLType None

                IMAPStore account
                Account bench

                MaildirStore local
                Path {maildir}/
                Inbox {maildir}/INBOX

                Channel inbox
                Far :account:INBOX
                Near :local:INBOX
                Sync Pull
                Create Near
                # In the temp Maildir, not ~/.mbsync: each run starts from nothing.
                SyncState *

                """);
            var version = (await RunProcessAsync(["-v"], TimeSpan.FromSeconds(10))).Output.Trim();
            var clock = Stopwatch.StartNew();
            var (code, output) = await RunProcessAsync(["-c", config, "-q", "inbox"], timeout);
            var elapsed = clock.Elapsed;
            if (code != 0)
            {
                throw new InvalidOperationException($"mbsync exited with {code}: {output}");
            }

            // What was really written: every message whole, not an already-synced state.
            var files = Directory.EnumerateFiles(Path.Combine(maildir, "INBOX", "cur"))
                .Concat(Directory.EnumerateFiles(Path.Combine(maildir, "INBOX", "new")))
                .Select(f => new FileInfo(f).Length).ToList();
            return new Result(files.Count, elapsed, version, files.Sum());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("mbsync", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mbsync did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mbsync took longer than {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
