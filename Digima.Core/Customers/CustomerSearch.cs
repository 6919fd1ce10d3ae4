namespace Digima.Core.Customers;

/// <summary>A page of the customer list: free text over names, kana, company and email.</summary>
public sealed record CustomerSearch(string? Text, int Offset, int Limit)
{
    public const int MaxLimit = 200;

    public string FoldedText => CustomerSearchText.Fold(Text);
}
