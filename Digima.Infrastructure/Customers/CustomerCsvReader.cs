using System.Text;
using CsvHelper;
using Digima.Core.Customers;
using Digima.Core.Customers.Import;
using Digima.Core.Resources;
using Microsoft.Extensions.Localization;

namespace Digima.Infrastructure.Customers;

/// <summary>Reads a customer CSV with CsvHelper. Japanese Excel saves CSV as Shift_JIS, so a file
/// that is not valid UTF-8 is read as Shift_JIS (code page 932).</summary>
internal sealed class CustomerCsvReader(IStringLocalizer<CoreMessages> text) : ICustomerCsvReader
{
    public const int MaxBytes = 10 * 1024 * 1024;

    static CustomerCsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<CsvReadResult> ReadAsync(Stream csv, CancellationToken cancellationToken)
    {
        var content = await ReadBoundedAsync(csv, cancellationToken);
        if (content is null)
        {
            return Fail(text["CsvTooLarge", MaxBytes / 1024 / 1024]);
        }

        var errors = new List<ImportError>();
        var rows = new List<CsvCustomerRow>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => errors.Add(new ImportError((int)m.LineNumber, "", text["CsvBadRow", m.Reason])),
        };
        try
        {
            using var reader = CsvReader.FromText(Decode(content), options);
            var columns = MapHeader(reader.Headers, errors);
            if (errors.Count > 0)
            {
                return new CsvReadResult([], errors);
            }

            while (reader.Read())
            {
                rows.Add(ReadRow(reader, columns));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new ImportError((int)e.LineNumber, "", text["CsvNotReadable", e.Message]));
        }

        return new CsvReadResult(rows, errors);
    }

    private static CsvCustomerRow ReadRow(CsvReader reader, IReadOnlyList<string?> columns)
    {
        var input = new CustomerInput();
        var owner = "";
        for (var i = 0; i < columns.Count; i++)
        {
            var value = reader.GetString(i);
            if (columns[i] == CustomerCsvColumns.Owner)
            {
                owner = value.Trim();
            }
            else
            {
                CustomerCsvColumns.All.First(c => c.Japanese == columns[i]).Set?.Invoke(input, value);
            }
        }

        return new CsvCustomerRow((int)reader.LineNumber, input, owner);
    }

    private List<string?> MapHeader(IReadOnlyList<string> headers, List<ImportError> errors)
    {
        // Columns are named in the reader's language; either name is accepted in the file.
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        string Named(string japanese) => english ? CustomerCsvColumns.All.First(c => c.Japanese == japanese).English : japanese;
        var known = string.Join(", ", CustomerCsvColumns.All.Select(c => Named(c.Japanese)));
        var columns = headers.Select(CustomerCsvColumns.Canonical).ToList();
        for (var i = 0; i < headers.Count; i++)
        {
            if (columns[i] is null)
            {
                errors.Add(new ImportError(1, headers[i], text["CsvUnknownColumn", headers[i], known]));
            }
        }

        errors.AddRange(CustomerCsvColumns.Required
            .Where(r => !columns.Contains(r))
            .Select(r => new ImportError(1, Named(r), text["CsvMissingColumn", Named(r)])));
        return columns;
    }

    private static string Decode(byte[] content)
    {
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return strictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(932).GetString(content);
        }
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream csv, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await csv.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static CsvReadResult Fail(string message) => new([], [new ImportError(0, "", message)]);
}
