namespace Digima.Core.Customers.Import;

/// <summary>Reads customer rows from a CSV file (UTF-8 with or without BOM, or Shift_JIS as
/// Excel writes it in Japan).</summary>
public interface ICustomerCsvReader
{
    /// <summary>Parses the whole file. Problems with the file or a row (missing required
    /// columns, unknown columns, broken quoting) come back as errors, never as exceptions.</summary>
    Task<CsvReadResult> ReadAsync(Stream csv, CancellationToken cancellationToken);
}

/// <summary>One data row; <paramref name="Line"/> is the 1-based line in the file (header is 1).</summary>
public sealed record CsvCustomerRow(int Line, CustomerInput Input, string OwnerEmail);

public sealed record CsvReadResult(IReadOnlyList<CsvCustomerRow> Rows, IReadOnlyList<ImportError> Errors);

/// <summary>A problem with the file (<see cref="Line"/> 0) or with one row.</summary>
public sealed record ImportError(int Line, string Field, string Message);
