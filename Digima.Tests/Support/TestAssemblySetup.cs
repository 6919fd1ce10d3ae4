using System.Runtime.CompilerServices;
using Digima.Infrastructure.Database;

namespace Digima.Tests.Support;

internal static class TestAssemblySetup
{
    // Tests use MimeKit directly (reading inboxes, building fixtures) in any order; the app
    // registers the code pages at start-up, and the test process must do the same before any of
    // them, or which test runs first would decide whether Japanese charsets decode.
#pragma warning disable CA2255 // A module initializer is the one hook that runs before every test.
    [ModuleInitializer]
    internal static void RegisterCodePages() => EncodingSetup.RegisterCodePages();
#pragma warning restore CA2255
}
