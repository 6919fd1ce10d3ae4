using System.Security.Cryptography;
using System.Text;

namespace Digima.Blazor.Components.Pages.Compose;

/// <summary>What compose remembers of the draft it last stored: a digest of its JSON instead of the
/// JSON itself. The page lives in the node's memory for as long as its tab is open, and a copy of a
/// long body there (up to 200,000 characters, twice that in bytes) only ever answered "changed
/// since?"; the stored draft is in the database.</summary>
internal static class DraftFingerprint
{
    public static string Of(string draftJson) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(draftJson)));
}
