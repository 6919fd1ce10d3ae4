using Digima.Core.Accounts;
using Digima.Core.Customers;

namespace Digima.Infrastructure.Seeding;

/// <summary>The demo users and 300 customers, the same on every machine (fixed random seed).</summary>
internal static class DemoData
{
    public const string Password = "digima-demo";

    public static readonly IReadOnlyList<User> Users =
    [
        new() { Email = "manager@digima.test", DisplayName = "山田 花子", Role = UserRole.Manager },
        new() { Email = "sato@digima.test", DisplayName = "佐藤 健太", Role = UserRole.Rep },
        new() { Email = "suzuki@digima.test", DisplayName = "鈴木 美咲", Role = UserRole.Rep },
    ];

    public static IReadOnlyList<Customer> Customers(IReadOnlyList<long?> ownerIds, int count = 300)
    {
        var random = new Random(20261127);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var customers = new List<Customer>(count);
        for (var i = 0; i < count; i++)
        {
            var family = DemoNames.FamilyNames[random.Next(DemoNames.FamilyNames.Count)];
            var given = DemoNames.GivenNames[random.Next(DemoNames.GivenNames.Count)];
            var company = DemoNames.Companies[random.Next(DemoNames.Companies.Count)];
            var email = UniqueEmail(emails, $"{EmailRomaji.ToRomaji(given.Kana)[0]}.{EmailRomaji.ToRomaji(family.Kana)}", company.Domain);

            // A few records are incomplete on purpose: real CRMs have them, and merge fields
            // must refuse to send when a used field is empty.
            var noGivenName = i % 37 == 5;
            customers.Add(new Customer
            {
                LastName = family.Kanji,
                FirstName = noGivenName ? "" : given.Kanji,
                LastNameKana = family.Kana,
                FirstNameKana = noGivenName || i % 41 == 7 ? "" : given.Kana,
                Email = email,
                Company = company.Name,
                // The reading, as a rep types it (会社名カナ, without the legal form): a few left empty.
                CompanyKana = i % 31 == 9 ? "" : company.Kana,
                Department = i % 23 == 3 ? "" : DemoNames.Departments[random.Next(DemoNames.Departments.Count)],
                Title = i % 19 == 2 ? "" : DemoNames.Titles[random.Next(DemoNames.Titles.Count)],
                Phone = i % 29 == 11 ? "" : $"0{random.Next(3, 10)}-{random.Next(1000, 9999)}-{random.Next(1000, 9999)}",
                OwnerUserId = ownerIds[i % ownerIds.Count],
            });
        }

        return customers;
    }

    private static string UniqueEmail(HashSet<string> taken, string local, string domain)
    {
        var candidate = $"{local}@{domain}";
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{local}{n}@{domain}";
        }

        return candidate;
    }
}
