namespace Digima.Infrastructure.Seeding;

/// <summary><c>Digima:Seed:Demo</c>: seed the demo users and customers on the first start
/// (development and demos only; production leaves it off).</summary>
public sealed class DemoSeedOptions
{
    public const string Section = "Digima:Seed";

    public bool Demo { get; set; }
}
