using Digima.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Digima.Tests.Support;

/// <summary>One app server and one Chromium for all browser tests in the collection. A test class
/// that needs the app configured otherwise derives a fixture of its own with <c>extraSettings</c>.</summary>
public partial class AppFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;

    public AppFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected AppFixture(IReadOnlyDictionary<string, string?> extraSettings) => _extraSettings = extraSettings;

    public const string Password = "e2e-password";

    private IPlaywright? _playwright;
    private readonly List<(IBrowserContext Context, DateTime CreatedAt)> _contexts = [];

    /// <summary>Tracked mail points at a public address; tests fetch its paths from the app
    /// itself. An open right after sending counts as a person here (the scanner rule has its own tests).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Digima:Tracking:PublicBaseUrl"] = "https://track.digima.test",
        ["Digima:Tracking:ScannerWindow"] = "00:00:00",
        // Every browser test signs in from 127.0.0.1: the per-client sign-in limit has its own test.
        ["Digima:SignIn:RateLimit:PermitLimit"] = "100000",
        // The local server files no Sent copies (except for files-sent.test senders, which have
        // their own tests): a mailbox's first send need not wait long to find that out.
        ["Digima:Outbox:ServerCopyWait"] = "00:00:01",
        // Tests send at once as before the undo grace; the grace's own tests set it per user.
        ["Digima:Sending:UndoGrace"] = "00:00:00",
        // The daily 返信待ち summary runs on the real clock here and would add a notice to any rep
        // with old waiting mail; its tests run it with a controlled clock.
        ["Digima:Awaiting:SummaryEnabled"] = "false",
        // Every customer a test adds would be backfilled from every connected mailbox, beside the
        // syncs the tests count on; the backfill's own tests run the worker (BackfillAppFixture).
        ["Digima:MailImport:BackfillEnabled"] = "false",
    };

    public TestDatabase Database { get; private set; } = default!;
    public DigimaAppFactory App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl => App.BaseUrl;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("e2e");
        App = new DigimaAppFactory(Database.ConnectionString, new Dictionary<string, string?>
        {
            // Mailboxes connected by a test are watched (IMAP IDLE) within seconds, not a minute.
            ["Digima:MailImport:MailboxRefreshInterval"] = "00:00:02",
        }.Concat(Settings).Concat(_extraSettings));
        App.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) with a Japanese locale (unless another is
    /// given: it is also the browser's Accept-Language) and Tokyo time.</summary>
    public async Task<IPage> NewPageAsync(string locale = "ja-JP")
    {
        await CloseStaleContextsAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        lock (_contexts)
        {
            _contexts.Add((context, DateTime.UtcNow));
        }

        return await context.NewPageAsync();
    }

    /// <summary>Closes the browsers of tests that are long finished. Every open page is a live
    /// circuit whose lists refresh themselves; left open, they pile up and slow later tests.</summary>
    private Task CloseStaleContextsAsync() => CloseContextsAsync(TimeSpan.FromMinutes(2));

    /// <summary>Closes every browser the earlier tests of the collection left open (they run one
    /// after another, so none is in use): a test that counts the server's live subscriptions
    /// then starts from circuits that are all closed, not some still closing meanwhile.</summary>
    public Task CloseAllPagesAsync() => CloseContextsAsync(TimeSpan.Zero);

    private async Task CloseContextsAsync(TimeSpan olderThan)
    {
        List<IBrowserContext> stale;
        lock (_contexts)
        {
            stale = _contexts.Where(c => DateTime.UtcNow - c.CreatedAt >= olderThan).Select(c => c.Context).ToList();
            _contexts.RemoveAll(c => stale.Contains(c.Context));
        }

        foreach (var context in stale)
        {
            // A copy: closing a page takes it out of context.Pages.
            foreach (var page in context.Pages.ToList())
            {
                // Unloading the page lets Blazor end its circuit at once instead of keeping it for reconnection.
                // (A copy: closing a page removes it from context.Pages.)
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }

            await context.CloseAsync();
        }
    }

    public T Get<T>()
        where T : notnull => App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Adds a user directly (test setup) with <see cref="Password"/>.</summary>
    public async Task<User> AddUserAsync(UserRole role, string displayName, string? email = null, string language = UserDefaults.Language)
    {
        email ??= $"{role.ToCode()}-{Guid.NewGuid():N}"[..20] + "@digima.test";
        var user = new User { Email = email, DisplayName = displayName, Role = role, Language = language };
        var id = await Get<IUserRepository>().InsertAsync(user, Get<IPasswordHashing>().Hash(Password), CancellationToken.None);
        return user with { Id = id };
    }

    /// <summary>Signs in through the real sign-in page and waits for the interactive shell.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await SubmitSignInAsync(page, email, password);
        await WaitInteractiveAsync(page);
    }

    /// <summary>Fills and submits the sign-in form, whatever the outcome.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive='yes']").First.WaitForAsync();

    /// <summary>Waits until the address bar matches <paramref name="glob"/> (<c>**</c> any text,
    /// <c>*</c> any text without <c>/</c>). Playwright's WaitForURLAsync waits for a navigation
    /// event and, under load, can miss one that Blazor made client-side while the wait was being
    /// set up (the page had moved, the wait timed out); this looks at the address itself.</summary>
    public static Task WaitForUrlAsync(IPage page, string glob, float timeout = 15_000) =>
        Assertions.Expect(page).ToHaveURLAsync(UrlPattern(glob), new() { Timeout = timeout });

    private static System.Text.RegularExpressions.Regex UrlPattern(string glob) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", System.Text.RegularExpressions.RegexOptions.None);

    /// <summary>Runs a step; if it fails, keeps a screenshot of the page in the test artifacts so the
    /// failure can be seen, then fails as before.</summary>
    public static async Task OrScreenshotAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            await File.WriteAllBytesAsync(Path.Combine(TestEnvironment.ArtifactsDir, name + ".png"), await page.ScreenshotAsync());
            throw;
        }
    }

    /// <summary>Saves a screenshot to the test artifacts and, under `./digima screenshots`, to docs/screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        // Transitions finished: a label caught mid-way overlaps the value it moves away from.
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false, Animations = ScreenshotAnimations.Disabled });
        await File.WriteAllBytesAsync(Path.Combine(TestEnvironment.ArtifactsDir, name + ".png"), png);
        if (TestEnvironment.ScreenshotDir is { } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, name + ".png"), png);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
