namespace Digima.Tests.Support;

/// <summary>Files of the repository the tests run from (ops/, docs/, the app's build output).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Digima.sln, found upwards from the tests' build output.</summary>
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var start = AppContext.BaseDirectory;
        var root = start;
        while (!File.Exists(Path.Combine(root, "Digima.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Digima.sln not found above " + start);
        }

        return root;
    }
}
