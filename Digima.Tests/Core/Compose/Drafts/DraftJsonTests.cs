using System.Reflection;
using Digima.Core.Compose;
using Digima.Core.Compose.Drafts;

namespace Digima.Tests.Core.Compose.Drafts;

public sealed class DraftJsonTests
{
    [Fact]
    public void Roundtrip_EverySettableComposeProperty_Kept()
    {
        var input = new ComposeInput
        {
            To = [new ComposeRecipient(1, "a@customer.test", "鷲尾")],
            Cc = [new ComposeRecipient(2, "b@customer.test", "柊木")],
            Bcc = [new ComposeRecipient(3, "c@customer.test", "")],
            Subject = "{{姓}}様 ご案内",
            Body = "本文\n\"引用\" <tag>",
            OpenTracking = true,
            ClickTracking = true,
            NotifyOnOpen = true,
            InReplyTo = "x@customer.test",
            References = ["w@customer.test", "x@customer.test"],
        };

        var back = DraftJson.Deserialize(DraftJson.Serialize(new DraftContent { Input = input, Kind = DraftKind.Duplicate, SignatureOn = true })).Input;

        // Compared property by property through reflection: a property added to ComposeInput later is checked too.
        foreach (var property in typeof(ComposeInput).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.Equal(Describe(property.GetValue(input)), Describe(property.GetValue(back)));
        }
    }

    [Fact]
    public void Serialize_JapaneseAndComputedProperties_StoredAsTypedWithoutComputed()
    {
        var json = DraftJson.Serialize(new DraftContent { Input = new ComposeInput { Subject = "お見積り" } });

        Assert.Contains("お見積り", json, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ComposeInput.AllRecipients), json, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ComposeInput.PrimaryRecipient), json, StringComparison.Ordinal);
    }

    private static string Describe(object? value) =>
        value is System.Collections.IEnumerable items and not string ? string.Join("|", items.Cast<object>()) : value?.ToString() ?? "null";
}
