using Digima.Core.Customers;
using Digima.Infrastructure.Seeding;

namespace Digima.Benchmarks.Autocomplete;

/// <summary>A deterministic customer base: 90% Japanese names (common surnames far more often than
/// rare ones, as in life), 10% Latin names, thousands of companies, unique business emails.</summary>
internal sealed class CustomerGenerator(int seed)
{
    private static readonly (string Kanji, string Kana)[] FamilyNames =
        DemoNames.FamilyNames.Concat(BenchNames.MoreFamilyNames).DistinctBy(n => n.Kanji).ToArray();

    private static readonly (string Kanji, string Kana)[] GivenNames =
        DemoNames.GivenNames.Concat(BenchNames.MoreGivenNames).DistinctBy(n => n.Kanji).ToArray();

    private static readonly string[] Departments = ["営業部", "情報システム部", "総務部", "購買部", "開発部", "経営企画部", ""];
    private static readonly string[] Titles = ["部長", "課長", "係長", "主任", "担当", "代表取締役", ""];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<Customer> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(10) == 0 ? Latin() : Japanese(i);
        }
    }

    private Customer Japanese(int i)
    {
        var family = FamilyNames[Skewed(FamilyNames.Length)];
        var given = GivenNames[Skewed(GivenNames.Length)];
        var noGivenName = i % 53 == 7;
        var noKana = i % 31 == 3; // entered from a business card without furigana
        var (company, companyKana, domain) = Company();
        var g = EmailRomaji.ToRomaji(given.Kana);
        var f = EmailRomaji.ToRomaji(family.Kana);
        var local = noGivenName ? f : _random.Next(5) switch
        {
            0 => $"{g}.{f}",
            1 => $"{g[0]}.{f}",
            2 => $"{f}.{g}",
            3 => $"{f}{g[0]}",
            _ => f,
        };
        return Build(family.Kanji, noGivenName ? "" : given.Kanji, noKana ? "" : family.Kana, noKana || noGivenName ? "" : given.Kana, local, domain, company, companyKana);
    }

    private Customer Latin()
    {
        var family = BenchNames.LatinFamilyNames[_random.Next(BenchNames.LatinFamilyNames.Length)];
        var given = BenchNames.LatinGivenNames[_random.Next(BenchNames.LatinGivenNames.Length)];
        var withKana = _random.Next(5) < 3;
        var (company, companyKana, domain) = Company();
        var local = _random.Next(2) == 0 ? $"{given.Latin}.{family.Latin}" : $"{given.Latin[0]}{family.Latin}";
        return Build(family.Latin, given.Latin, withKana ? family.Kana : "", withKana ? given.Kana : "", local.ToLowerInvariant(), domain, company, companyKana);
    }

    private (string Name, string Kana, string Domain) Company()
    {
        var stem = BenchNames.CompanyStems[_random.Next(BenchNames.CompanyStems.Length)];
        var industry = BenchNames.Industries[_random.Next(BenchNames.Industries.Length)];
        var core = stem.Name + industry.Name;
        var name = _random.Next(100) switch
        {
            < 55 => "株式会社" + core,
            < 85 => core + "株式会社",
            < 93 => "合同会社" + core,
            _ => "有限会社" + core,
        };
        return (name, CompanyReadings.Of(stem.Name, industry.Name), $"{stem.Romaji}-{industry.Romaji}.test");
    }

    private Customer Build(string last, string first, string lastKana, string firstKana, string local, string domain, string company, string companyKana) => new()
    {
        LastName = last,
        FirstName = first,
        LastNameKana = lastKana,
        FirstNameKana = firstKana,
        Email = UniqueEmail(local, domain),
        Company = company,
        CompanyKana = companyKana,
        Department = Departments[_random.Next(Departments.Length)],
        Title = Titles[_random.Next(Titles.Length)],
        Phone = $"0{_random.Next(3, 10)}-{_random.Next(1000, 9999)}-{_random.Next(1000, 9999)}",
    };

    /// <summary>An index biased towards the start of a list ordered most common first.</summary>
    private int Skewed(int length) => (int)(length * Math.Pow(_random.NextDouble(), 1.8));

    private string UniqueEmail(string local, string domain)
    {
        var candidate = $"{local}@{domain}";
        for (var n = 2; !_emails.Add(candidate); n++)
        {
            candidate = $"{local}{n}@{domain}";
        }

        return candidate;
    }
}
