using System.Globalization;
using System.Security.Cryptography;
using Digima.Benchmarks.Import;
using Digima.Core.Accounts;
using Digima.Core.Attachments;
using Digima.Core.Common;
using Digima.Core.Compose;
using Digima.Core.Customers;
using Digima.Core.Mailboxes;
using Digima.Infrastructure.Migrations;
using Microsoft.Extensions.DependencyInjection;
using static Digima.Benchmarks.BenchServices;

namespace Digima.Benchmarks.Compose;

/// <summary>`./digima bench compose`: the figures the compose issue names, each beside a baseline
/// taken in the same run. A 10 MB attachment uploaded through the browser and stored (goal under
/// 3 s) with the app's memory growth during it (goal under twice the file); the autosave of a
/// 20,000-character draft (goal p95 under 100 ms); a mail with the attachment sent through the
/// local Postfix (goal at most 1.5x a plain MailKit send of the same message).</summary>
internal static class ComposeBenchmark
{
    private const string DatabaseName = "digima_bench_compose";
    private const string Password = "bench-password-1";

    public static async Task RunAsync(ComposeOptions options)
    {
        var connectionString = await BenchDatabase.RecreateAsync(BenchEnvironment.Database, DatabaseName);
        await using var provider = Build(connectionString, new Dictionary<string, string?>
        {
            ["Digima:Sending:UndoGrace"] = "00:00:00",
            ["Digima:MailImport:ScheduleEnabled"] = "false",
            ["Digima:MailImport:IdleEnabled"] = "false",
        });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var (rep, to) = await SeedAsync(provider, "bench.compose@digima.test", saveCopyToSent: true);
        // The same send without the copy in Sent (a mailbox whose server files it, or set so):
        // compared with a plain SMTP send alone, the like-for-like pair.
        var (noCopyRep, _) = await SeedAsync(provider, "bench.nocopy@digima.test", saveCopyToSent: false);
        var size = options.SizeMegabytes * 1024L * 1024;
        var path = Path.Combine(Path.GetTempPath(), $"御見積書_{options.SizeMegabytes}MB.pdf");
        await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes((int)size));
        Log($"{Environment.ProcessorCount} cores, load {Load()}; attachment {options.SizeMegabytes} MB, {options.Rounds} rounds, {options.Saves} autosaves");

        var (autosave, bareUpdate) = await AutosaveRoundTrip.RunAsync(provider, rep, to, options.Saves);
        Log($"autosave, {AutosaveRoundTrip.BodyLength:N0}-character body, SaveDraftCommand: {autosave.Ms()}");
        Log($"  baseline, the bare UPDATE of the same JSON: {bareUpdate.Ms()}");

        var store = provider.GetRequiredService<IAttachmentStore>();
        StoredFile stored;
        var storing = System.Diagnostics.Stopwatch.StartNew();
        await using (var file = File.OpenRead(path))
        {
            stored = (await store.SaveAsync(new NewStoredFile(rep.Id, Path.GetFileName(path), "application/pdf", DateTimeOffset.UtcNow), file, long.MaxValue, CancellationToken.None))!;
        }

        Log(string.Create(CultureInfo.InvariantCulture, $"store floor: the file into the store from disk, no HTTP: {storing.Elapsed.TotalMilliseconds:F0} ms"));

        var send = await AttachmentSend.RunAsync(provider, rep, to, stored, options.Rounds);
        Log($"send with the attachment, the app's send path (claim, store, SMTP, Sent copy): {send.App.Ms()}");
        Log($"  baseline, plain MailKit SMTP send + APPEND to Sent of the same message from memory: {send.PlainSmtpAndAppend.Ms()}");
        var noCopyFile = (await store.CopyAsync([stored.Id], noCopyRep.Id, DateTimeOffset.UtcNow, CancellationToken.None))[0];
        var sendNoCopy = await AttachmentSend.RunAsync(provider, noCopyRep, to, noCopyFile, options.Rounds);
        Log($"send with the attachment, no copy in Sent (claim, store, SMTP): {sendNoCopy.App.Ms()}");
        Log($"  baseline, plain MailKit SMTP send of the same message from memory: {sendNoCopy.PlainSmtp.Ms()}");

        await using var app = await AppUnderBench.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["Digima__MailImport__ScheduleEnabled"] = "false",
            ["Digima__MailImport__IdleEnabled"] = "false",
        });
        var upload = await BrowserUpload.RunAsync(app, rep.Email, Password, to.CustomerId!.Value, path, options.Rounds);
        Log($"upload through the browser (file handed to Chromium -> listed as attached, stored): {upload.Browser.Ms()}");
        Log($"  baseline, the same bytes POSTed by a plain HTTP client: {upload.PlainHttp.Ms()}");
        var growth = Stats.Of(upload.MemoryGrowthBytes.Select(b => (double)b));
        Log(string.Create(CultureInfo.InvariantCulture,
            $"  app memory growth during an upload (peak VmRSS - before): median {growth.Median / 1048576:F1} MB, max {growth.Max / 1048576:F1} MB = {growth.Max / size:F2}x the file"));
        File.Delete(path);

        Console.WriteLine();
        Console.WriteLine("compose figures (goal):");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  upload {options.SizeMegabytes} MB through the browser, median {upload.Browser.Median / 1000:F2} s, max {upload.Browser.Max / 1000:F2} s (< 3 s); plain HTTP median {upload.PlainHttp.Median / 1000:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory growth during upload, max {growth.Max / size:F2}x the file (< 2x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  autosave p95 {autosave.At(0.95):F1} ms (< 100 ms); bare UPDATE p95 {bareUpdate.At(0.95):F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  send with attachment / plain MailKit, medians: SMTP only {sendNoCopy.App.Median / sendNoCopy.PlainSmtp.Median:F2}x, with the Sent copy {send.App.Median / send.PlainSmtpAndAppend.Median:F2}x (<= 1.5x); the app with its Sent copy / plain SMTP alone {send.App.Median / sendNoCopy.PlainSmtp.Median:F2}x"));
    }

    private static async Task<(CurrentUser Rep, ComposeRecipient To)> SeedAsync(IServiceProvider provider, string email, bool saveCopyToSent)
    {
        await using var scope = provider.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = new User { Email = email, DisplayName = "添付 担当", Role = UserRole.Rep };
        var id = await services.GetRequiredService<IUserRepository>().InsertAsync(user, services.GetRequiredService<IPasswordHashing>().Hash(Password), CancellationToken.None);
        var rep = new CurrentUser(id, email, user.DisplayName, UserRole.Rep, user.TimeZoneId, user.Language);
        var server = (int port) => new MailServerInput
        {
            Host = BenchEnvironment.MailHost, Port = port, Security = MailSecurity.None, UserName = email, Password = BenchEnvironment.Password,
        };
        var saved = await services.GetRequiredService<SaveMailboxSettingsCommand>().SaveAsync(rep, new MailboxInput
        {
            Smtp = server(BenchEnvironment.SmtpPort), Imap = server(BenchEnvironment.ImapPort),
            SenderName = rep.DisplayName, SenderAddress = email, SaveCopyToSent = saveCopyToSent, SentFolderName = "Sent",
        }, CancellationToken.None);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("Mailbox setup failed: " + string.Join("; ", saved.Errors));
        }

        var customer = new Customer { LastName = "見積", FirstName = "花子", Email = "mitsumori." + email.Split('@')[0] + "@customer.test", Company = "株式会社ベンチ" };
        customer = customer with { Id = await services.GetRequiredService<ICustomerRepository>().InsertAsync(customer, CancellationToken.None) };
        return (rep, new ComposeRecipient(customer.Id, customer.Email, customer.FullName));
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
