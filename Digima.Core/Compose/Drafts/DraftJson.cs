using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Digima.Core.Compose.Drafts;

/// <summary>The stored form of <see cref="DraftContent"/>: System.Text.Json over the whole
/// <see cref="ComposeInput"/>, so a property added to it later is saved and restored without a
/// change here. Computed properties (no setter) are left out: they are rebuilt from the rest.</summary>
public static class DraftJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Japanese stays as typed rather than \uXXXX: a third of the size for a long body.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SettableOnly } },
    };

    public static string Serialize(DraftContent content) => JsonSerializer.Serialize(content, Options);

    /// <exception cref="JsonException">Not a draft's content.</exception>
    public static DraftContent Deserialize(string json) =>
        JsonSerializer.Deserialize<DraftContent>(json, Options) ?? throw new JsonException("A draft's content is null.");

    private static void SettableOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.Set is null).ToList())
        {
            type.Properties.Remove(property);
        }
    }
}
