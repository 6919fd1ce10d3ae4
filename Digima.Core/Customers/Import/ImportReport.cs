namespace Digima.Core.Customers.Import;

/// <summary>What an import did: either every row was imported, or none was and
/// <see cref="Errors"/> says why, row by row.</summary>
public sealed record ImportReport(int ImportedCount, int RowCount, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
