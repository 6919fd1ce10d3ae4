namespace Digima.Core.Compose;

/// <summary>An address as a rep reads it: 「名前 &lt;address&gt;」, or the address alone when there
/// is no name (a plain address added as is).</summary>
public static class AddressText
{
    public static string Of(string name, string address) => name.Trim().Length > 0 ? $"{name.Trim()} <{address}>" : address;
}
